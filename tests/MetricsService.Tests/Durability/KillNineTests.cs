using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AirisEpm.MetricsService.Tests.Support;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.MetricsService.Tests.Durability;

/// <summary>
/// The ingest promise with a real process: batches answered 2xx by metrics-service (remote_write and JSON) are in
/// its write-ahead log, so a kill -9 right after the answers loses none of them, and the restart on the same data
/// folder serves every one (replayed from the log into DuckDB before it takes requests).
/// </summary>
public sealed class KillNineTests : IDisposable
{
    private const int PerBatch = 20;
    private const int MaxBatchesPerWriter = 150;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "airis-metrics-kill9-" + Guid.NewGuid().ToString("N"));
    private readonly long _base = ((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000) - 3_300) * 1000;

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Every_acknowledged_sample_survives_a_kill_nine_and_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        var acknowledged = new ConcurrentBag<(int Writer, int Batch)>();
        using (var service = await StartAsync(ct))
        {
            using var client = Client(service.BaseUrl, Permissions.MetricsWrite);
            // Two remote_write and two JSON writers post while the process is killed under them.
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var batch = 0; batch < MaxBatchesPerWriter; batch++)
                {
                    try
                    {
                        using var response = await client.PostAsync(w < 2 ? "/api/v1/write" : "/api/v1/metrics", Body(w, batch), CancellationToken.None);
                        if (response.IsSuccessStatusCode) acknowledged.Add((w, batch));
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            }, ct)).ToList();

            while (acknowledged.Count < 40 && !writers.All(t => t.IsCompleted)) await Task.Delay(5, ct);
            service.KillHard();
            await Task.WhenAll(writers);
        }

        Assert.True(acknowledged.Count >= 40, $"only {acknowledged.Count} batches acknowledged before the kill");
        using var restarted = await StartAsync(ct);
        using var reader = Client(restarted.BaseUrl, Permissions.MetricsRead);
        for (var w = 0; w < 4; w++)
        {
            var stored = await ValuesAsync(reader, w, ct);
            var missing = acknowledged.Where(a => a.Writer == w)
                .SelectMany(a => Enumerable.Range(0, PerBatch).Select(i => (double)((a.Batch * PerBatch) + i)))
                .Where(v => !stored.Contains(v)).ToList();
            Assert.True(missing.Count == 0, $"writer {w}: {missing.Count} acknowledged samples missing after the restart, e.g. {string.Join(", ", missing.Take(5))}");
        }
    }

    /// <summary>Batch b of writer w: samples b*20 … b*20+19, one second apart, value equal to the sample's number.</summary>
    private HttpContent Body(int writer, int batch)
    {
        var numbers = Enumerable.Range(batch * PerBatch, PerBatch).ToList();
        if (writer < 2)
        {
            var request = new RemoteWriteBuilder().Series([("__name__", "kill9"), ("writer", writer.ToString(CultureInfo.InvariantCulture))],
                [.. numbers.Select(n => ((double)n, _base + (n * 1000L)))]);
            var content = new ByteArrayContent(request.ToSnappy());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
            content.Headers.ContentEncoding.Add("snappy");
            return content;
        }

        var metrics = numbers.Select(n => new { name = "kill9", value = (double)n, timestamp = _base + (n * 1000L), labels = new Dictionary<string, string> { ["writer"] = writer.ToString(CultureInfo.InvariantCulture) } });
        return new StringContent(JsonSerializer.Serialize(new { metrics }), Encoding.UTF8, "application/json");
    }

    private async Task<HashSet<double>> ValuesAsync(HttpClient reader, int writer, CancellationToken ct)
    {
        var start = _base / 1000;
        var path = $"/api/v1/metrics/query_range?name=kill9&match[]=%7Bwriter%3D%22{writer}%22%7D&start={start}&end={start + (MaxBatchesPerWriter * PerBatch)}&step=1&agg=max&group_by=&tier=raw";
        using var json = JsonDocument.Parse(await reader.GetStringAsync(path, ct));
        return [.. json.RootElement.GetProperty("series").EnumerateArray()
            .SelectMany(s => s.GetProperty("points").EnumerateArray()).Select(p => p.GetProperty("v").GetDouble())];
    }

    private Task<ServiceProcess> StartAsync(CancellationToken ct) =>
        ServiceProcess.StartAsync("MetricsService", new Dictionary<string, string> { ["Metrics__Store__DuckDbPath"] = Path.Combine(_data, "metrics.duckdb") }, ct);

    private static HttpClient Client(Uri baseUrl, string permission)
    {
        var client = new HttpClient { BaseAddress = baseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.With(permission));
        return client;
    }
}
