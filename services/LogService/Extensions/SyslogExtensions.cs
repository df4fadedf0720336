using AirisEpm.LogService.Syslog;
using AirisEpm.ServiceDefaults.Batching;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Extensions;

/// <summary>The syslog TCP listener; it binds only when <c>Logs:Syslog:Enabled</c> (off in Development).</summary>
internal static class SyslogExtensions
{
    public static IHostApplicationBuilder AddSyslogListener(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SyslogOptions>().BindConfiguration(SyslogOptions.Section).ValidateDataAnnotations()
            // A batch the writer can never take would be retried for ever.
            .Validate<IOptions<BatchingWriterOptions>>((syslog, writer) => syslog.MaxBatchRecords <= writer.Value.Capacity,
                "Logs:Syslog:MaxBatchRecords must not exceed Logs:Ingest:Writer:Capacity.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SyslogMetrics>();
        builder.Services.AddSingleton<SyslogBatcher>();
        builder.Services.AddSingleton<SyslogListener>();
        // After AddLogIngest: hosted services stop in reverse order, so the listener stores its queue
        // before the batching writer's final flush.
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SyslogListener>());
        return builder;
    }
}
