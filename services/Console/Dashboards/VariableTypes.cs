namespace AirisEpm.WebConsole.Dashboards;

/// <summary>What a <see cref="DashboardVariable.Query"/> holds.</summary>
public static class VariableTypes
{
    /// <summary>Values from the Prometheus API: <c>label_values(label)</c> or <c>label_values(selector, label)</c>.</summary>
    public const string Query = "query";

    /// <summary>Fixed values, comma-separated.</summary>
    public const string Custom = "custom";

    /// <summary>Durations to choose from, comma-separated ("1m,5m,1h").</summary>
    public const string Interval = "interval";

    public static readonly IReadOnlyList<string> All = [Query, Custom, Interval];
}
