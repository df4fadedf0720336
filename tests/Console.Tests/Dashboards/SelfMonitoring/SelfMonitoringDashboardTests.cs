using AirisEpm.PromQl.Parser;
using AirisEpm.WebConsole.Dashboards;
using AirisEpm.WebConsole.Dashboards.SelfMonitoring;

namespace AirisEpm.Console.Tests.Dashboards.SelfMonitoring;

public sealed class SelfMonitoringDashboardTests
{
    [Fact]
    public void The_seeded_dashboard_is_valid_and_every_query_is_promql_once_filled_in()
    {
        var dashboard = SelfMonitoringDashboard.Create();

        var result = new DashboardValidator().Validate(dashboard);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.All(dashboard.Panels.SelectMany(p => p.Queries), q =>
            Assert.NotNull(PromQlParser.ParseExpr(TimeMacros.Interpolate(q.Expr.Replace("$job", "console|log-service", StringComparison.Ordinal), TimeSpan.FromSeconds(30), TimeSpan.FromHours(1)))));
    }

    [Fact]
    public void It_shows_ingest_per_signal_and_requests_latency_and_errors_per_service()
    {
        var exprs = SelfMonitoringDashboard.Create().Panels.SelectMany(p => p.Queries).Select(q => q.Expr).ToList();

        Assert.All(["metricsample", "logrecord", "span"], type => Assert.Contains(exprs, e => e.Contains($"airis_batching_{type}_written_total", StringComparison.Ordinal)));
        Assert.All(["0.5", "0.95", "0.99"], q => Assert.Contains(exprs, e => e.StartsWith($"histogram_quantile({q}, sum by (job, le)", StringComparison.Ordinal)));
        Assert.Contains(exprs, e => e.Contains("http_response_status_code=~\"5..\"", StringComparison.Ordinal) && e.StartsWith("sum by (job)", StringComparison.Ordinal));
    }
}
