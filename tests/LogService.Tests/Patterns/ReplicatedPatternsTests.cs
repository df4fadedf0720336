using System.Net;
using System.Text;
using System.Text.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.LogService.Tests.Patterns;

/// <summary>
/// Two log-service replicas beside the sidecar double, each with its own Lucene store, sharing the double's state
/// store; each is sent part of the stream. Either replica's patterns API answers with the counts of both.
/// </summary>
public sealed class ReplicatedPatternsTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("airis-log-replicas-").FullName;
    private DaprTestEnvironment _env = null!;
    private RunningApp _one = null!;
    private RunningApp _two = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _env = await DaprTestEnvironment.StartAsync();
        _one = await StartReplicaAsync("one");
        _two = await StartReplicaAsync("two");
    }

    public async ValueTask DisposeAsync()
    {
        await _env.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Each_replica_answers_with_the_pattern_counts_of_both()
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        await PostAsync(_one, Enumerable.Range(0, 30).Select(i => Line($"user {i} logged in from 10.0.0.{i}", start.AddSeconds(i))));
        await PostAsync(_two, Enumerable.Range(30, 20).Select(i => Line($"user {i} logged in from 10.0.0.{i}", start.AddSeconds(i)))
            .Concat(Enumerable.Range(0, 5).Select(i => Line($"disk {i} is full on volume /data/{i}", start.AddSeconds(i), "error"))));

        var window = $"service=shop&start={start.AddMinutes(-1).ToUnixTimeSeconds()}&end={start.AddMinutes(2).ToUnixTimeSeconds()}";
        foreach (var replica in new[] { _one, _two })
        {
            var counts = await EventuallyAsync(replica, window, c => c.Values.Sum() == 55);
            Assert.Equal([50L, 5L], counts.Values.OrderDescending());
        }

        using var reader = _one.CreateClient().WithToken(Permissions.LogsRead);
        using var refused = await reader.GetAsync($"/api/v1/logs/patterns?q=user&{window}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    private async Task<RunningApp> StartReplicaAsync(string name) =>
        await _env.StartServiceAsync<Program>(AppIds.LogService, new Dictionary<string, string?>
        {
            ["Logs:Store:DataPath"] = Path.Combine(_folder, name),
            ["Logs:Patterns:Shared:Enabled"] = "true",
            ["Logs:Patterns:Shared:ShareInterval"] = "00:00:00.200",
            ["Logs:Patterns:Shared:ReplicaId"] = name,
            ["Logs:Syslog:Enabled"] = "false",
        });

    private static string Line(string message, DateTimeOffset at, string level = "info") =>
        JsonSerializer.Serialize(new { message, service = "shop", level, timestamp = at.ToString("O") });

    private static async Task PostAsync(RunningApp replica, IEnumerable<string> lines)
    {
        using var client = replica.CreateClient().WithToken(Permissions.LogsWrite);
        using var response = await client.PostAsync("/api/v1/logs", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"), Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Count per template from <paramref name="replica"/>, polled until <paramref name="done"/> (the other replica shares every 200 ms) or 20 s.</summary>
    private static async Task<Dictionary<string, long>> EventuallyAsync(RunningApp replica, string window, Func<Dictionary<string, long>, bool> done)
    {
        using var reader = replica.CreateClient().WithToken(Permissions.LogsRead);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        Dictionary<string, long> counts;
        do
        {
            using var json = JsonDocument.Parse(await reader.GetStringAsync($"/api/v1/logs/patterns?{window}", Ct));
            counts = json.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("template").GetString()!, p => p.GetProperty("count").GetInt64());
            if (done(counts)) return counts;
            await Task.Delay(100, Ct);
        }
        while (DateTime.UtcNow < deadline);

        return counts;
    }
}
