extern alias alert;
extern alias metrics;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

// Rule actors under load through the Dapr sidecar double: N rules, each a Dapr actor with a
// one-minute reminder that queries metrics-service by service invocation. One minute of sidecar
// time is advanced at once; the figure is the wall time until every rule has been evaluated.
// Usage: dotnet run -c Release --project bench/RuleActors.Benchmarks -- [rules]
Directory.SetCurrentDirectory(AppContext.BaseDirectory); // WebApplicationFactory finds the services from here
var rules = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var folder = Path.Combine(Path.GetTempPath(), "airis-rule-bench-" + Guid.NewGuid().ToString("N"));
await using var env = await DaprTestEnvironment.StartAsync();
var metricsApp = await env.StartServiceAsync<metrics::Program>(AppIds.MetricsService, new Dictionary<string, string?>
{
    ["Metrics:Store:DuckDbPath"] = Path.Combine(folder, "metrics.duckdb"),
    ["Http:PermitsPerSecond"] = "1000000",
    ["Http:Burst"] = "1000000",
});
var alertApp = await env.StartServiceAsync<alert::Program>(AppIds.AlertService, new Dictionary<string, string?>
{
    ["Http:PermitsPerSecond"] = "1000000",
    ["Http:Burst"] = "1000000",
});
// Tokens for the whole run: creating 10,000 rules and evaluating them outlasts the tests' 10-minute tokens.
var tokenLifetime = TimeSpan.FromHours(2);
using var alerts = alertApp.CreateClient().WithToken(tokenLifetime, Permissions.AlertsRead, Permissions.AlertsWrite);
using var metricsClient = metricsApp.CreateClient().WithToken(tokenLifetime, Permissions.MetricsWrite);

var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
var samples = Enumerable.Range(0, 50).Select(s => new
{
    name = "bench_cpu",
    value = 0.5 + (s / 100.0),
    timestamp = now - 1_000,
    labels = new Dictionary<string, string> { ["service"] = $"svc-{s}" },
});
(await metricsClient.PostAsJsonAsync("/api/v1/metrics", new { metrics = samples })).EnsureSuccessStatusCode();

var setup = Stopwatch.StartNew();
for (var i = 0; i < rules; i++)
{
    var response = await alerts.PostAsJsonAsync("/api/v1/rules", new
    {
        name = $"BenchRule{i}",
        severity = "warning",
        evaluationInterval = "1m",
        condition = new { metric = new { metric = "bench_cpu", matchers = new[] { $"service=\"svc-{i % 50}\"" }, agg = "max", window = "5m", op = ">", threshold = 0.9 } },
    });
    response.EnsureSuccessStatusCode();
}

Console.WriteLine($"created {rules} rules (each with its actor and reminder) in {setup.Elapsed.TotalSeconds:F1} s");
var before = await EvaluationsAsync(alerts);
var watch = Stopwatch.StartNew();
env.Clock.Advance(TimeSpan.FromMinutes(1));
while (await EvaluationsAsync(alerts) - before < rules)
{
    if (watch.Elapsed > TimeSpan.FromMinutes(10))
    {
        Console.WriteLine($"gave up after 10 min: {await EvaluationsAsync(alerts) - before} of {rules} evaluated");
        return 1;
    }

    await Task.Delay(200);
}

watch.Stop();
var failed = await EvaluationsAsync(alerts, "failed");
Console.WriteLine($"{rules} rule evaluations (reminder → actor → metrics-service query → state) in {watch.Elapsed.TotalSeconds:F2} s " +
                  $"= {rules / watch.Elapsed.TotalSeconds:F0} evaluations/s; the bar is {rules} per minute; {failed} failed");
return failed == 0 ? 0 : 1;

// Sum of airis_alerts_rule_evaluations over outcomes (or of one outcome), read from alert-service's own /metrics.
static async Task<double> EvaluationsAsync(HttpClient client, string? outcome = null)
{
    var text = await client.GetStringAsync("/metrics");
    return Regex.Matches(text, @"^airis_alerts_rule_evaluations(?:_total)?\{([^}]*)\}\s+([0-9.eE+-]+)", RegexOptions.Multiline)
        .Where(m => outcome is null || m.Groups[1].Value.Contains($"outcome=\"{outcome}\"", StringComparison.Ordinal))
        .Sum(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
}
