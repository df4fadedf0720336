using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using AirisEpm.Protocols.Otlp.Proto;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using AirisEpm.TraceService.Storage.DuckDb;
using Google.Protobuf;
using static AirisEpm.TraceService.Tests.Support.OtlpRequests;

namespace AirisEpm.TraceService.Tests.Durability;

/// <summary>
/// The ingest promise with a real process and the real DuckDB store: every batch answered 200 survives a kill -9
/// sent right after the last answer. The service is then started again on the same data folder (it must recover
/// and start), stopped, and the file is read directly, since trace-service maps no read API yet.
/// </summary>
public sealed class KillNineTests : IDisposable
{
    private const int PerBatch = 50;

    private readonly string _data = Path.Combine(Path.GetTempPath(), "airis-trace-kill9-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Every_acknowledged_span_survives_a_kill_nine_and_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        var marker = BitConverter.ToUInt64(Guid.NewGuid().ToByteArray());
        var acknowledged = new ConcurrentBag<int>();
        using (var service = await StartAsync(ct))
        {
            using var writer = new HttpClient { BaseAddress = service.BaseUrl };
            writer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.With(Permissions.TracesWrite));
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var batch = 0; !stop.IsCancellationRequested; batch++)
                {
                    var id = (w * 100_000) + batch;
                    using var body = new ByteArrayContent(Batch(marker, id).ToByteArray());
                    body.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
                    try
                    {
                        using var response = await writer.PostAsync("/v1/traces", body, CancellationToken.None);
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

        using (await StartAsync(ct))
        {
            // Started on the killed process's data: the store recovered its file.
        }

        using var store = new DuckDbTraceStore(Path.Combine(_data, "traces.duckdb"));
        await store.InitializeAsync(ct);
        var missing = new List<string>();
        foreach (var id in acknowledged)
        {
            var spans = await store.GetTraceAsync(TraceId(marker, id), ct);
            if (spans.Count != PerBatch) missing.Add($"batch {id}: {spans.Count} of {PerBatch} spans");
        }

        Assert.True(missing.Count == 0, $"{acknowledged.Count} batches acknowledged; lost after kill -9:\n{string.Join("\n", missing)}");
    }

    private Task<ServiceProcess> StartAsync(CancellationToken ct) =>
        ServiceProcess.StartAsync("TraceService", new Dictionary<string, string> { ["Traces__Store__DataDirectory"] = _data }, ct);

    /// <summary>One trace per batch, its id carrying the run's marker and the batch number.</summary>
    private static ExportTraceServiceRequest Batch(ulong marker, int id)
    {
        // Now, not a fixed date: the restarted service runs retention at start and would delete old spans.
        var start = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var spans = Enumerable.Range(0, PerBatch).Select(i =>
        {
            var span = ValidSpan($"span {i}");
            span.TraceId = ByteString.CopyFrom(Convert.FromHexString(TraceId(marker, id)));
            var spanId = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(spanId, (ulong)i + 1);
            span.SpanId = ByteString.CopyFrom(spanId);
            span.ParentSpanId = ByteString.Empty;
            (span.StartTimeUnixNano, span.EndTimeUnixNano) = (start, start + 1_000_000);
            return span;
        });
        return Request("kill9", [.. spans]);
    }

    private static string TraceId(ulong marker, int id) => $"{marker:x16}{(ulong)id + 1:x16}";
}
