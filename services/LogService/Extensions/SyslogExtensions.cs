using AirisEpm.LogService.Syslog;

namespace AirisEpm.LogService.Extensions;

/// <summary>The syslog TCP listener; it binds only when <c>Logs:Syslog:Enabled</c> (off in Development).</summary>
internal static class SyslogExtensions
{
    public static IHostApplicationBuilder AddSyslogListener(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SyslogOptions>().BindConfiguration(SyslogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SyslogMetrics>();
        builder.Services.AddSingleton<SyslogBatcher>();
        builder.Services.AddSingleton<SyslogListener>();
        // After AddLogIngest: hosted services stop in reverse order, so the listener stores its queue
        // before the batching writer's final flush.
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SyslogListener>());
        return builder;
    }
}
