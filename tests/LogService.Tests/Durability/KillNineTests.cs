using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.LogService.Tests.Durability;

/// <summary>
/// The ingest promise with a real process: batches answered 200 by log-service survive a kill -9
/// sent right after the last answer, and a restart on the same data folder finds every one of them.
/// Run twice: with the store's defaults (some records indexed, some only in the write-ahead log at the kill),
/// and with indexing held off, so that every acknowledged record is only in the log when the process dies.
/// </summary>
public sealed class KillNineTests : IDisposable
{
    /// <summary>Small enough that the acknowledged total stays under the exact-total limit of 10,000.</summary>
    private const int PerBatch = 100;

    private readonly string _data = Path.Combine(Path.GetTempPath(), "airis-kill9-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_acknowledged_record_survives_a_kill_nine_and_a_restart(bool logOnly)
    {
        var ct = TestContext.Current.CancellationToken;
        var marker = "k9" + Guid.NewGuid().ToString("N")[..12];
        var acknowledged = new ConcurrentBag<int>();
        using (var service = await StartAsync(logOnly ? HeldOff : [], ct))
        {
            using var writer = Client(service.BaseUrl, Permissions.LogsWrite);
            // Four writers post batches of 100 while the process is killed under them: whatever was
            // answered 200 before the kill must be there after it.
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var batch = 0; !stop.IsCancellationRequested; batch++)
                {
                    var id = (w * 100_000) + batch;
                    var lines = Enumerable.Range(0, PerBatch).Select(i => JsonSerializer.Serialize(new { message = $"{marker} batch {id} line {i}", service = "kill9", level = "info" }));
                    try
                    {
                        using var response = await writer.PostAsync("/api/v1/logs", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"), CancellationToken.None);
                        if (response.StatusCode == HttpStatusCode.OK) acknowledged.Add(id);
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            }, ct)).ToList();

            while (acknowledged.Count < 20) await Task.Delay(10, ct);
            service.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        if (logOnly)
        {
            // No partition index was ever created: the acknowledged records were in the WAL alone.
            Assert.Equal(["wal"], Directory.GetDirectories(_data).Select(Path.GetFileName));
        }

        using var restarted = await StartAsync([], ct);
        using var reader = Client(restarted.BaseUrl, Permissions.LogsRead);
        var since = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds();
        var found = await TotalAsync(reader, $"/api/v1/logs/search?q={marker}&service=kill9&limit=1&start={since}", acknowledged.Count * PerBatch, ct);
        Assert.True(found >= acknowledged.Count * PerBatch, $"{acknowledged.Count} batches were acknowledged ({acknowledged.Count * PerBatch} records); {found} found after the restart");
    }

    /// <summary>Nothing is indexed or committed for an hour unless a read asks (none does before the kill).</summary>
    private static readonly Dictionary<string, string> HeldOff = new()
    {
        ["Logs__Store__ApplyInterval"] = "01:00:00",
        ["Logs__Store__ApplyBatchRecords"] = "10000000",
        ["Logs__Store__ApplyCapacityRecords"] = "10000000",
        ["Logs__Store__CommitInterval"] = "01:00:00",
    };

    private Task<ServiceProcess> StartAsync(Dictionary<string, string> settings, CancellationToken ct) =>
        ServiceProcess.StartAsync("LogService", new Dictionary<string, string>(settings) { ["Logs__Store__DataPath"] = _data }, ct);

    private static HttpClient Client(Uri baseUrl, string permission)
    {
        var client = new HttpClient { BaseAddress = baseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.With(permission));
        return client;
    }

    /// <summary>The total of a search, polled until it reaches <paramref name="expected"/> (readers refresh within a second) or 10 s pass.</summary>
    private static async Task<long> TotalAsync(HttpClient reader, string path, long expected, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        long total;
        do
        {
            using var json = JsonDocument.Parse(await reader.GetStringAsync(path, ct));
            total = json.RootElement.GetProperty("total").GetInt64();
            if (total >= expected) return total;
            await Task.Delay(200, ct);
        }
        while (DateTime.UtcNow < deadline);

        return total;
    }
}
