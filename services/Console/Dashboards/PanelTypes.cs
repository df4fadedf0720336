namespace AirisEpm.WebConsole.Dashboards;

public static class PanelTypes
{
    public const string TimeSeries = "timeseries";
    public const string Stat = "stat";
    public const string Table = "table";

    public static readonly IReadOnlyList<string> All = [TimeSeries, Stat, Table];
}
