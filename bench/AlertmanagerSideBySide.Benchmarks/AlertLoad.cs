using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

/// <summary>
/// The client both systems get: alerts in batches of 100 posted from 4 threads to POST /api/v2/alerts,
/// spread over 1,000 groups (100 alert names × 10 services); every alert of a round is new (its
/// instance label). Bodies are serialised before the clock starts, so the client costs only HTTP.
/// </summary>
internal static class AlertLoad
{
    public const int BatchSize = 100;
    public const int Threads = 4;
    public const int Groups = 1_000;

    public static List<byte[]> Bodies(int alerts, string round)
    {
        var bodies = new List<byte[]>();
        for (var start = 0; start < alerts; start += BatchSize)
        {
            var batch = Enumerable.Range(start, Math.Min(BatchSize, alerts - start)).Select(i => new
            {
                labels = new Dictionary<string, string>
                {
                    ["alertname"] = $"Bench{i % 100}",
                    ["service"] = $"svc-{i / 100 % (Groups / 100)}",
                    ["instance"] = $"{round}-{i}",
                    ["severity"] = "warning",
                },
                annotations = new Dictionary<string, string> { ["summary"] = "benchmark alert" },
                generatorURL = "http://prometheus.local/graph",
            });
            bodies.Add(JsonSerializer.SerializeToUtf8Bytes(batch));
        }

        return bodies;
    }

    /// <summary>Posts every body; the wall time of the whole round.</summary>
    public static async Task<TimeSpan> PostAsync(HttpClient client, IReadOnlyList<byte[]> bodies)
    {
        var watch = Stopwatch.StartNew();
        await Parallel.ForAsync(0, bodies.Count, new ParallelOptions { MaxDegreeOfParallelism = Threads }, async (b, ct) =>
        {
            using var content = new ByteArrayContent(bodies[b]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync("api/v2/alerts", content, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"{(int)response.StatusCode}: {Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(ct))}");
            }
        });
        return watch.Elapsed;
    }
}
