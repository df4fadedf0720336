namespace AirisEpm.ServiceDefaults.Dapr;

/// <summary>Dapr app ids, as declared in dapr.yaml and docker-compose.yml.</summary>
public static class AppIds
{
    public const string MetricsService = "metrics-service";
    public const string LogService = "log-service";
    public const string TraceService = "trace-service";
    public const string AlertService = "alert-service";

    /// <summary>The web console (the backend for the page); not one of <see cref="All"/>, the four services it calls.</summary>
    public const string Console = "console";

    public static readonly IReadOnlyList<string> All = [MetricsService, LogService, TraceService, AlertService];

    /// <summary>Every app of the platform, each beside its own sidecar: the four services and the console.</summary>
    public static readonly IReadOnlyList<string> Platform = [.. All, Console];
}
