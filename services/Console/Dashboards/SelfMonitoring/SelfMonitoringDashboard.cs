namespace AirisEpm.WebConsole.Dashboards.SelfMonitoring;

/// <summary>
/// "AIRIS EPM": the platform watching itself, from the five apps' own /metrics, which metrics-service scrapes through
/// its sidecar with <c>job</c> = the app id. The names are the ones the apps export: the items each store made durable
/// (<c>airis_batching_{metricsample,logrecord,span}_written_total</c>, counted by ServiceDefaults' BatchingWriter) and
/// their queues (<c>airis_batching_*_queued</c>), and ASP.NET Core's <c>http.server.request.duration</c> histogram as the
/// OpenTelemetry Prometheus exporter writes it (<c>http_server_request_duration_seconds_bucket|_count</c>, labels
/// <c>http_route</c>, <c>http_response_status_code</c>). Request panels leave out the probes (/metrics, /healthz) so the
/// scrapes themselves do not drown the traffic. Error rates fall back to 0 per service (<c>or ... * 0</c>), so a
/// healthy service draws a flat line instead of "no data".
/// </summary>
public static class SelfMonitoringDashboard
{
    public const string Id = "airis-epm";

    private const string Requests = "http_server_request_duration_seconds";
    private const string NotProbes = "job=~\"$job\", http_route!~\"/metrics|/healthz\"";

    public static Dashboard Create() => new()
    {
        Id = Id,
        Title = "AIRIS EPM",
        Tags = ["airis", "self-monitoring"],
        Time = new DashboardTime("now-1h", "now"),
        Refresh = "30s",
        Variables =
        [
            new DashboardVariable
            {
                Name = "job", Label = "App", Query = "label_values(up, job)", Multi = true, IncludeAll = true, Current = [DashboardVariable.AllValue],
            },
        ],
        Panels =
        [
            Stat(1, "Metric samples ingested", new GridPos(0, 0, 6, 4), Ingested("metricsample"), "cps"),
            Stat(2, "Log records ingested", new GridPos(6, 0, 6, 4), Ingested("logrecord"), "cps"),
            Stat(3, "Spans ingested", new GridPos(12, 0, 6, 4), Ingested("span"), "cps"),
            Stat(4, "Apps up", new GridPos(18, 0, 6, 4), "sum(up{job=~\"$job\"})", null) with
            {
                Decimals = 0, Thresholds = [new Threshold(0, "red"), new Threshold(5, "green")],
            },
            Series(5, "Ingest rate per signal", new GridPos(0, 4, 12, 8), "cps",
                Query("A", Ingested("metricsample"), "metric samples"),
                Query("B", Ingested("logrecord"), "log records"),
                Query("C", Ingested("span"), "spans")),
            Series(6, "Request rate per service", new GridPos(12, 4, 12, 8), "reqps",
                Query("A", $"sum by (job) (rate({Requests}_count{{{NotProbes}}}[$__rate_interval]))", "{{job}}")),
            Series(7, "Request latency per service (p50, p95, p99)", new GridPos(0, 12, 12, 8), "s",
                Query("A", Quantile(0.5), "{{job}} p50"),
                Query("B", Quantile(0.95), "{{job}} p95"),
                Query("C", Quantile(0.99), "{{job}} p99")),
            Series(8, "Errors per service", new GridPos(12, 12, 12, 8), "reqps",
                Query("A", ErrorRate("5.."), "{{job}} 5xx"),
                Query("B", ErrorRate("4.."), "{{job}} 4xx")),
            new Panel
            {
                Id = 9, Title = "Scrape targets", Type = PanelTypes.Table, Grid = new GridPos(0, 20, 12, 8),
                Queries = [Query("A", "up{job=~\"$job\"}", "{{job}} {{instance}}")],
            },
            Series(10, "Write queues", new GridPos(12, 20, 12, 8), null,
                Query("A", "sum by (job, __name__) ({__name__=~\"airis_batching_.+_queued\", job=~\"$job\"})", "{{job}} {{__name__}}")),
        ],
    };

    private static string Ingested(string type) => $"sum(rate(airis_batching_{type}_written_total{{job=~\"$job\"}}[$__rate_interval]))";

    private static string Quantile(double q) =>
        $"histogram_quantile({q.ToString(System.Globalization.CultureInfo.InvariantCulture)}, sum by (job, le) (rate({Requests}_bucket{{{NotProbes}}}[$__rate_interval])))";

    private static string ErrorRate(string status) =>
        $"sum by (job) (rate({Requests}_count{{job=~\"$job\", http_response_status_code=~\"{status}\"}}[$__rate_interval]))"
        + $" or sum by (job) (rate({Requests}_count{{job=~\"$job\"}}[$__rate_interval])) * 0";

    private static PanelQuery Query(string refId, string expr, string? legend) => new(refId, expr, legend);

    private static Panel Stat(int id, string title, GridPos grid, string expr, string? unit) => new()
    {
        Id = id, Title = title, Type = PanelTypes.Stat, Grid = grid, Queries = [Query("A", expr, null)], Unit = unit, Decimals = 1,
    };

    private static Panel Series(int id, string title, GridPos grid, string? unit, params PanelQuery[] queries) => new()
    {
        Id = id, Title = title, Type = PanelTypes.TimeSeries, Grid = grid, Queries = queries, Unit = unit,
    };
}
