using System.Net;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Ingest;
using AirisEpm.TraceService.SpanMetrics;
using AirisEpm.TraceService.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static AirisEpm.TraceService.Tests.Support.Http;
using static AirisEpm.TraceService.Tests.Support.OtlpRequests;

namespace AirisEpm.TraceService.Tests.SpanMetrics;

/// <summary>Span metrics count what the store holds: each durable batch once, nothing of a batch the store refused.</summary>
public sealed class SpanMetricsIngestTests
{
    [Fact]
    public async Task Ingested_spans_are_counted_once_stored_and_not_while_the_store_is_down()
    {
        await using var factory = (TraceServiceFactory)new TraceServiceFactory()
            .With("Traces:Ingest:Writer:AckTimeout", "00:00:00.500").With("Traces:Ingest:Writer:ShutdownFlushTimeout", "00:00:01");
        var aggregator = factory.Services.GetRequiredService<SpanMetricsAggregator>();
        using var client = factory.Writer();

        (await client.PostAsync("/v1/traces", Protobuf(Request(ValidSpan(), ValidSpan())), Ct)).EnsureSuccessStatusCode();
        Assert.Equal(2, Calls(aggregator));

        factory.Store.Fail();
        await (await client.PostAsync("/v1/traces", Protobuf(Request(ValidSpan())), Ct)).ExpectAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(2, Calls(aggregator));

        factory.Store.Recover();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (factory.Store.Spans.Count < 3)
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the retried write");
            await Task.Delay(5, Ct);
        }

        Assert.Equal(3, Calls(aggregator));
    }

    [Fact]
    public async Task A_failing_observer_does_not_fail_the_stored_batch()
    {
        var store = new RecordingTraceStore();
        var counted = new SpanMetricsAggregator(Microsoft.Extensions.Options.Options.Create(new SpanMetricsOptions()));
        var sink = new TraceStoreSink(store, [new ThrowingObserver(), counted], NullLogger<TraceStoreSink>.Instance);

        await sink.WriteBatchAsync([Storage.Spans.Make(1, 1)], Ct);

        Assert.Single(store.Spans);
        Assert.Equal(1, Calls(counted));
    }

    private static double Calls(SpanMetricsAggregator aggregator) =>
        aggregator.Snapshot(0, "test").Where(p => p.Name == SpanMetricsAggregator.CallsName).Sum(p => p.Value);

    private sealed class ThrowingObserver : ISpanBatchObserver
    {
        public void OnDurable(IReadOnlyList<Span> batch) => throw new InvalidOperationException("observer bug");
    }
}
