extern alias alert;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

// The Alertmanager API as Prometheus uses it, on the production path: alert-service on Kestrel
// beside the Dapr sidecar double, every call forwarded to the alert engine actor.
// Posts N alerts in batches of 64 (Prometheus's batch size) from 4 clients, then times
// GET /api/v2/alerts over all of them and GET /api/v2/alerts/groups.
// Usage: dotnet run -c Release --project bench/AlertApi.Benchmarks -- [alerts]
Directory.SetCurrentDirectory(AppContext.BaseDirectory); // WebApplicationFactory finds the service from here
var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
const int BatchSize = 64;
const int Clients = 4;
await using var env = await DaprTestEnvironment.StartAsync();
var app = await env.StartServiceAsync<alert::Program>(AppIds.AlertService, new Dictionary<string, string?>
{
    ["Http:PermitsPerSecond"] = "1000000",
    ["Http:Burst"] = "1000000",
});
using var client = app.CreateClient().WithToken(TimeSpan.FromHours(2), Permissions.AlertsRead, Permissions.AlertsWrite);

var batches = (total + BatchSize - 1) / BatchSize;
var posting = Stopwatch.StartNew();
await Parallel.ForAsync(0, batches, new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (b, ct) =>
{
    var alerts = Enumerable.Range(b * BatchSize, Math.Min(BatchSize, total - (b * BatchSize))).Select(i => new
    {
        labels = new Dictionary<string, string> { ["alertname"] = $"Bench{i % 500}", ["service"] = $"svc-{i / 500}", ["severity"] = "warning" },
        annotations = new Dictionary<string, string> { ["summary"] = "benchmark alert" },
    });
    (await client.PostAsJsonAsync("/api/v2/alerts", alerts, ct)).EnsureSuccessStatusCode();
});
posting.Stop();
Console.WriteLine($"posted {total} alerts in {batches} requests of {BatchSize} from {Clients} clients in {posting.Elapsed.TotalSeconds:F2} s " +
                  $"= {total / posting.Elapsed.TotalSeconds:F0} alerts/s (bar: 100,000 a minute = 1,667/s)");

await TimeAsync("GET /api/v2/alerts (all)", "/api/v2/alerts");
await TimeAsync("GET /api/v2/alerts?filter=alertname=\"Bench7\"", "/api/v2/alerts?filter=alertname%3D%22Bench7%22");
await TimeAsync("GET /api/v2/alerts/groups", "/api/v2/alerts/groups");
return 0;

async Task TimeAsync(string what, string path)
{
    var times = new List<double>();
    var size = 0;
    for (var i = 0; i < 5; i++)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        size = (await response.Content.ReadAsByteArrayAsync()).Length;
        response.EnsureSuccessStatusCode();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine($"{what}: {size / 1024.0 / 1024.0:F1} MB, median {times[2]:F0} ms, max {times[^1]:F0} ms over 5 calls");
}
