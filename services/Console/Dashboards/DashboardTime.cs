namespace AirisEpm.WebConsole.Dashboards;

/// <summary>
/// The dashboard's time range in Grafana's notation: relative ("now-6h", "now", "now-1d/d") or an
/// absolute ISO-8601 instant; see <see cref="TimeExpressions"/>.
/// </summary>
public sealed record DashboardTime(string From, string To)
{
    public static readonly DashboardTime Default = new("now-6h", "now");
}
