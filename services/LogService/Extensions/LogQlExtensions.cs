using AirisEpm.LogService.LogQl.Evaluation;
using AirisEpm.LogService.LogQl.Metadata;

namespace AirisEpm.LogService.Extensions;

/// <summary>The LogQL engine behind the Loki query API, its bounds (<c>Logs:LogQl</c>), and the label and pattern catalogs.</summary>
internal static class LogQlExtensions
{
    public static IHostApplicationBuilder AddLogQl(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LogQlOptions>().BindConfiguration(LogQlOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<LogQlEngine>();
        builder.Services.AddSingleton<StreamCatalog>();
        builder.Services.AddSingleton<PatternCatalog>();
        builder.Services.AddSingleton<DetectedFieldCatalog>();
        return builder;
    }
}
