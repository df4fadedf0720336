namespace AirisEpm.WebConsole.Dashboards;

/// <summary>
/// Bounds on what a dashboard may hold, far above what a person lays out (Grafana's largest community
/// dashboards have about 150 panels), so that one document stays well under the state store's value size.
/// </summary>
public static class DashboardLimits
{
    public const int MaxTitle = 200;
    public const int MaxTags = 20;
    public const int MaxTag = 64;
    public const int MaxVariables = 50;
    public const int MaxVariableName = 64;
    public const int MaxVariableQuery = 4096;
    public const int MaxCurrentValues = 100;
    public const int MaxValue = 1024;
    public const int MaxPanels = 500;
    public const int MaxQueries = 26;
    public const int MaxRefId = 16;
    public const int MaxExpr = 8192;
    public const int MaxLegend = 512;
    public const int MaxUnit = 64;
    public const int MaxDecimals = 20;
    public const int MaxThresholds = 20;
    public const int MaxColor = 64;

    public const int MaxGridHeight = 200;

    /// <summary>Room for every panel stacked at the tallest height (an imported layout, compacted, never needs more).</summary>
    public const int MaxGridY = MaxPanels * MaxGridHeight;
}
