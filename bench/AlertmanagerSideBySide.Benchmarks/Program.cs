extern alias alert;
using System.Diagnostics;
using System.Globalization;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

// alert-service in its single-process mode (Alerting:Hosting=InProcess: the engine in the process, its
// state through the Dapr sidecar double, silences and configuration saved before their answer, alerts
// and the notification log saved every 2 s) and Debian's Alertmanager 0.25, side by side with the same
// client (AlertLoad). One warm-up round each, then rounds alternating between the two; prints
// alerts/s and server CPU per alert for each round, and the ratio of the totals.
// Usage: dotnet run -c Release --project bench/AlertmanagerSideBySide.Benchmarks -- [alerts per round] [rounds] [alert-service]
// The third argument runs alert-service's rounds alone (for a profiler attached to this process).
Directory.SetCurrentDirectory(AppContext.BaseDirectory); // WebApplicationFactory finds the service from here
var perRound = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
var alone = args.Length > 2 && args[2] == "alert-service";
await using var env = await DaprTestEnvironment.StartAsync();
var app = await env.StartServiceAsync<alert::Program>(AppIds.AlertService, new Dictionary<string, string?>
{
    ["Alerting:Hosting"] = "InProcess",
    ["Http:PermitsPerSecond"] = "1000000",
    ["Http:Burst"] = "1000000",
});
using var airis = app.CreateClient().WithToken(TimeSpan.FromHours(2), Permissions.AlertsRead, Permissions.AlertsWrite);
// At load 40 on two cores a request can stall past HttpClient's 100-s default; a round is timed whole instead.
airis.Timeout = Timeout.InfiniteTimeSpan;
await using var alertmanager = alone ? null : await AlertmanagerProcess.StartAsync(FreePort.Next(), new Uri(env.Receiver.BaseUrl, "webhook"));
using var am = alertmanager is null ? null : new HttpClient { BaseAddress = alertmanager.BaseUrl, Timeout = Timeout.InfiniteTimeSpan };
var self = Process.GetCurrentProcess();

var results = new List<(RoundResult Theirs, RoundResult Ours)>();
for (var round = 0; round <= rounds; round++)
{
    var alerts = round == 0 ? perRound / 10 : perRound;
    var name = round == 0 ? "warm-up " : $"round {round} ";
    RoundResult? amResult = null;
    if (alertmanager is not null && am is not null)
    {
        var (result, clientCpu) = await RoundAsync("alertmanager", alerts, round, b => AlertLoad.PostAsync(am, b), () => alertmanager.Cpu);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"client CPU in the Alertmanager round: {clientCpu.TotalMicroseconds / alerts:F1} µs/alert"));
        Console.WriteLine(name + result);
        amResult = result;
    }

    // alert-service runs inside this process, so its CPU figure is this process's: the service, the
    // client and the sidecar double together (Alertmanager's is its own process only).
    var (airisResult, _) = await RoundAsync("alert-service", alerts, round, b => AlertLoad.PostAsync(airis, b), ProcessCpu);
    Console.WriteLine(name + airisResult);
    if (amResult is not null)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}ratio {airisResult.AlertsPerSecond / amResult.AlertsPerSecond:F2}×"));
        if (round > 0) results.Add((amResult, airisResult));
    }
}

if (results.Count > 0)
{
    var ours = Rate(results.Select(r => r.Ours));
    var theirs = Rate(results.Select(r => r.Theirs));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"total: alert-service {ours:N0} alerts/s, Alertmanager 0.25 {theirs:N0} alerts/s, ratio {ours / theirs:F2}× (batches of {AlertLoad.BatchSize}, {AlertLoad.Threads} threads, {AlertLoad.Groups:N0} groups)"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"median of rounds: ratio {Median(results.Select(r => r.Ours.AlertsPerSecond / r.Theirs.AlertsPerSecond)):F2}×, CPU alert-service {Median(results.Select(r => r.Ours.CpuMicrosPerAlert)):F1} µs/alert (with client and double), Alertmanager {Median(results.Select(r => r.Theirs.CpuMicrosPerAlert)):F1} µs/alert"));
}

return 0;

// One round: bodies built first, then the posting timed; the server's CPU and this process's over it.
async Task<(RoundResult Result, TimeSpan SelfCpu)> RoundAsync(string system, int alerts, int round, Func<List<byte[]>, Task<TimeSpan>> post, Func<TimeSpan> serverCpu)
{
    var bodies = AlertLoad.Bodies(alerts, $"{system}-{round}");
    GC.Collect();
    var (server, client) = (serverCpu(), ProcessCpu());
    var wall = await post(bodies);
    // Let the round's deferred work (alert-service's 2-s snapshot save) finish before the other system's round.
    await Task.Delay(TimeSpan.FromSeconds(4));
    return (new RoundResult(system, alerts, wall, serverCpu() - server), ProcessCpu() - client);
}

TimeSpan ProcessCpu()
{
    self.Refresh();
    return self.TotalProcessorTime;
}

static double Rate(IEnumerable<RoundResult> results)
{
    var all = results.ToList();
    return all.Sum(r => r.Alerts) / all.Sum(r => r.Wall.TotalSeconds);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
