using System.Diagnostics;
using System.Net.Http.Headers;

namespace AirisEpm.PromQlQuery.Benchmarks;

/// <summary>
/// Remote-writes <see cref="BenchData"/> to one server: half an hour of scrapes at a time, in time order (Prometheus
/// refuses samples more than an hour older than the newest it holds), each half hour as requests of
/// <see cref="SeriesPerRequest"/> series posted by <see cref="Senders"/> parallel senders, as remote_write's shards do.
/// </summary>
public static class RemoteWriteLoader
{
    public const int Senders = 4;
    public const int SeriesPerRequest = 500;
    public const int ScrapesPerChunk = 30;

    public static async Task<TimeSpan> LoadAsync(HttpClient client, BenchData data, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Senders, CancellationToken = ct };
        for (var from = 0; from < data.Scrapes; from += ScrapesPerChunk)
        {
            var to = Math.Min(from + ScrapesPerChunk, data.Scrapes);
            var batches = Enumerable.Range(0, (BenchData.SeriesCount + SeriesPerRequest - 1) / SeriesPerRequest);
            await Parallel.ForEachAsync(batches, options, async (batch, token) =>
                await PostAsync(client, data.Request(batch * SeriesPerRequest, SeriesPerRequest, from, to), token));
        }

        return clock.Elapsed;
    }

    private static async Task PostAsync(HttpClient client, byte[] body, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
            content.Headers.ContentEncoding.Add("snappy");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/write") { Content = content };
            request.Headers.Add("X-Prometheus-Remote-Write-Version", "0.1.0");
            using var response = await client.SendAsync(request, ct);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            // Backpressure (429/503) is retried as Prometheus retries it; anything else is a broken run.
            var text = await response.Content.ReadAsStringAsync(ct);
            if ((int)response.StatusCode is not (429 or 503) || attempt == 20)
            {
                throw new HttpRequestException($"remote_write to {client.BaseAddress} answered {(int)response.StatusCode}: {text}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), ct);
        }
    }
}
