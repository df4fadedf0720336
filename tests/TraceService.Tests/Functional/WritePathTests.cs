using System.Net;
using AirisEpm.ServiceDefaults.Batching;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static AirisEpm.TraceService.Tests.Support.Http;
using static AirisEpm.TraceService.Tests.Support.OtlpRequests;

namespace AirisEpm.TraceService.Tests.Functional;

/// <summary>Acknowledged only once durable, group commit, and backpressure (429/503 with Retry-After) from the store's edge.</summary>
public sealed class WritePathTests
{
    [Fact]
    public async Task A_lone_small_request_is_written_at_once_not_after_the_flush_interval()
    {
        await using var factory = (TraceServiceFactory)new TraceServiceFactory().With("Traces:Ingest:Writer:FlushInterval", "00:05:00");
        using var client = factory.Writer();
        client.Timeout = TimeSpan.FromSeconds(20);

        await (await client.PostAsync("/v1/traces", Protobuf(Request(ValidSpan())), Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Single(factory.Store.Writes);
    }

    [Fact]
    public async Task Requests_arriving_during_a_store_write_share_the_next_write_and_each_is_answered_after_it()
    {
        await using var factory = new TraceServiceFactory();
        var writer = factory.Services.GetRequiredService<BatchingWriter<Span>>();
        var release = factory.Store.Hold();
        using var client = factory.Writer();

        var first = client.PostAsync("/v1/traces", Protobuf(Request(ValidSpan("first"))), Ct);
        await UntilAsync(() => factory.Store.HeldWrites == 1); // the first request's write has begun, alone
        var concurrent = Enumerable.Range(0, 16).Select(i => client.PostAsync("/v1/traces", Protobuf(Request(ValidSpan($"c{i}"))), Ct)).ToList();
        await UntilAsync(() => writer.QueuedItems == 17);
        Assert.False(first.IsCompleted || concurrent.Any(c => c.IsCompleted), "answered before the store confirmed");

        release.SetResult();
        foreach (var response in await Task.WhenAll(concurrent.Append(first))) await response.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([1, 16], factory.Store.Writes.Select(w => w.Count));
    }

    [Fact]
    public async Task A_store_that_is_down_is_503_with_retry_after_and_the_spans_are_still_written_when_it_recovers()
    {
        await using var factory = (TraceServiceFactory)new TraceServiceFactory().With("Traces:Ingest:Writer:AckTimeout", "00:00:00.500").With("Traces:Ingest:Writer:ShutdownFlushTimeout", "00:00:01");
        factory.Store.Fail();

        var response = await factory.Writer().PostAsync("/v1/traces", Protobuf(Request(ValidSpan())), Ct);
        await response.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));

        factory.Store.Recover();
        await UntilAsync(() => factory.Store.Spans.Count == 1);
    }

    [Fact]
    public async Task A_full_buffer_is_429_with_retry_after()
    {
        await using var factory = (TraceServiceFactory)new TraceServiceFactory()
            .With("Traces:Ingest:Writer:Capacity", "2").With("Traces:Ingest:MaxSpansPerRequest", "2");
        var writer = factory.Services.GetRequiredService<BatchingWriter<Span>>();
        var release = factory.Store.Hold();
        using var client = factory.Writer();
        var holding = client.PostAsync("/v1/traces", Protobuf(Request(ValidSpan(), ValidSpan("b"))), Ct);
        await UntilAsync(() => writer.QueuedItems == 2);

        var refused = await client.PostAsync("/v1/traces", Protobuf(Request(ValidSpan("c"))), Ct);
        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("buffer is full", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter);

        release.SetResult();
        await (await holding).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["GET /orders/{id}", "b"], factory.Store.Spans.Select(s => s.Name));
    }

    [Fact]
    public async Task A_request_larger_than_the_writer_can_ever_hold_is_refused_at_start()
    {
        await using var factory = (TraceServiceFactory)new TraceServiceFactory()
            .With("Traces:Ingest:Writer:Capacity", "10").With("Traces:Ingest:MaxSpansPerRequest", "11");
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.True(error.ToString().Contains("MaxSpansPerRequest", StringComparison.Ordinal) || factory.Logs.Contain("MaxSpansPerRequest"), error.ToString());
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the writer");
            await Task.Delay(5, Ct);
        }
    }
}
