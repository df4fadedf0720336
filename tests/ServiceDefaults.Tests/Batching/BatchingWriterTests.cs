using System.Diagnostics.Metrics;
using AirisEpm.ServiceDefaults.Batching;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.ServiceDefaults.Tests.Batching;

public sealed class BatchingWriterTests
{
    private static BatchingWriterOptions Options(int capacity = 1000, int batch = 100) => new()
    {
        Capacity = capacity,
        MaxBatchSize = batch,
        FlushInterval = TimeSpan.FromMilliseconds(200),
        InitialRetryDelay = TimeSpan.FromMilliseconds(100),
        MaxRetryDelay = TimeSpan.FromSeconds(2),
        AckTimeout = TimeSpan.FromSeconds(10),
        ShutdownFlushTimeout = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task Flushes_as_soon_as_a_batch_is_full_without_waiting_for_the_interval()
    {
        await using var harness = new WriterHarness(Options(batch: 4));
        await harness.StartAsync();

        var first = harness.Write(1, 2);
        var second = harness.Write(3, 4);
        await Eventually.CompletedAsync(Task.WhenAll(first, second), "both writes durable without moving time");

        Assert.Equal([[1, 2, 3, 4]], harness.Sink.Batches);
        Assert.Equal(0, harness.Writer.QueuedItems);
    }

    [Fact]
    public async Task A_partial_batch_waits_for_the_interval_then_is_flushed()
    {
        await using var harness = new WriterHarness(Options(batch: 100));
        await harness.StartAsync();
        var start = harness.Time.GetUtcNow();

        var write = harness.Write(1, 2, 3);
        Assert.False(write.IsCompleted);
        Assert.Equal(3, harness.Writer.QueuedItems);
        Assert.Empty(harness.Sink.Batches);

        await Eventually.CompletedAsync(write, "interval flush", () => harness.Time.Advance(harness.Options.FlushInterval));

        await write;
        Assert.Equal([[1, 2, 3]], harness.Sink.Batches);
        Assert.True(harness.Time.GetUtcNow() - start >= harness.Options.FlushInterval);
    }

    [Fact]
    public async Task No_item_is_lost_or_duplicated_when_the_sink_fails_several_times_then_recovers()
    {
        // The ack timeout is out of reach here: this test is about the data, not the answer.
        var options = Options(batch: 3);
        options.AckTimeout = TimeSpan.FromDays(1);
        await using var harness = new WriterHarness(options, new RecordingSink(failures: 5));
        await harness.StartAsync();

        var writes = Enumerable.Range(1, 10).Select(i => harness.Write(i)).ToList();
        await Eventually.TrueAsync(() => harness.Writer.SinkFailing, "the sink to be seen failing");
        await Eventually.CompletedAsync(Task.WhenAll(writes), "every write durable after recovery", harness.Tick);

        await Task.WhenAll(writes);
        Assert.Equal(Enumerable.Range(1, 10), harness.Sink.Written);
        Assert.True(harness.Sink.Attempts >= 6, $"expected retries, saw {harness.Sink.Attempts} attempts");
        Assert.False(harness.Writer.SinkFailing);
        Assert.Equal(0, harness.Writer.QueuedItems);
    }

    [Fact]
    public async Task A_full_buffer_pushes_back_with_429_and_a_retry_after_hint()
    {
        await using var harness = new WriterHarness(Options(capacity: 4, batch: 100));
        await harness.StartAsync();
        var accepted = harness.Write(1, 2, 3, 4);

        var error = await Assert.ThrowsAsync<BackpressureException>(() => harness.Write(5));

        Assert.Equal(429, error.StatusCode);
        Assert.True(error.RetryAfter > TimeSpan.Zero);
        Assert.Contains("4 of 4", error.Message);
        Assert.Equal(4, harness.Writer.QueuedItems);
        await Eventually.CompletedAsync(accepted, "accepted items flushed", harness.Tick);
        Assert.Equal([1, 2, 3, 4], harness.Sink.Written);
    }

    [Fact]
    public async Task A_full_buffer_in_front_of_a_failing_sink_answers_503_with_the_backoff_as_hint()
    {
        var sink = new RecordingSink();
        sink.FailUntilRecovered();
        await using var harness = new WriterHarness(Options(capacity: 4, batch: 2), sink);
        await harness.StartAsync();

        var first = harness.Write(1, 2);
        await Eventually.TrueAsync(() => harness.Writer.SinkFailing, "the sink to be seen failing");
        var second = harness.Write(3, 4);
        var error = await Assert.ThrowsAsync<BackpressureException>(() => harness.Write(5));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(harness.Options.MaxRetryDelay, error.RetryAfter);

        sink.Recover();
        await Eventually.CompletedAsync(Task.WhenAll(first, second), "queued items written after recovery", harness.Tick);
        Assert.Equal([1, 2, 3, 4], harness.Sink.Written);
    }

    [Fact]
    public async Task An_ack_timeout_answers_503_but_keeps_the_items_queued_and_writes_them_later()
    {
        var sink = new RecordingSink();
        sink.FailUntilRecovered();
        await using var harness = new WriterHarness(Options(batch: 1), sink);
        await harness.StartAsync();

        var write = harness.Write(7);
        await Eventually.TrueAsync(() => harness.Writer.SinkFailing, "the sink to be seen failing");
        harness.Time.Advance(harness.Options.AckTimeout);

        var error = await Assert.ThrowsAsync<BackpressureException>(() => write);
        Assert.Equal(503, error.StatusCode);
        Assert.True(error.RetryAfter > TimeSpan.Zero);
        Assert.Equal(1, harness.Writer.QueuedItems);
        Assert.Empty(harness.Sink.Written);

        sink.Recover();
        await Eventually.TrueAsync(() => harness.Writer.QueuedItems == 0, "the timed-out item to be written", harness.Tick);
        Assert.Equal([7], harness.Sink.Written);
    }

    [Fact]
    public async Task Stopping_flushes_everything_queued_and_refuses_new_writes()
    {
        var harness = new WriterHarness(Options(batch: 100));
        await harness.StartAsync();
        var writes = new[] { harness.Write(1, 2), harness.Write(3), harness.Write(4, 5) };
        Assert.All(writes, w => Assert.False(w.IsCompleted));

        await harness.Writer.StopAsync(TestContext.Current.CancellationToken);

        await Task.WhenAll(writes);
        Assert.Equal([1, 2, 3, 4, 5], harness.Sink.Written);
        Assert.Equal(0, harness.Writer.QueuedItems);
        var refused = await Assert.ThrowsAsync<BackpressureException>(() => harness.Write(6));
        Assert.Equal(503, refused.StatusCode);
        harness.Writer.Dispose();
    }

    [Fact]
    public async Task Order_is_kept_within_and_across_batches_and_requests_are_never_split()
    {
        await using var harness = new WriterHarness(Options(batch: 3));
        var requests = new[] { new[] { 1 }, [2, 3], [4, 5], [6], [7, 8, 9, 10, 11], [12], [13, 14] };
        var writes = requests.Select(r => harness.Write(r)).ToList();

        await harness.StartAsync();
        await Eventually.CompletedAsync(Task.WhenAll(writes), "every request durable", harness.Tick);

        Assert.Equal(Enumerable.Range(1, 14), harness.Sink.Written);
        Assert.All(harness.Sink.Batches, b => Assert.True(b.Length <= 3 || requests.Any(r => r.SequenceEqual(b)), $"batch [{string.Join(",", b)}] exceeds the size yet is not a single request"));
        Assert.All(requests, r => Assert.Contains(harness.Sink.Batches, b => ContainsRun(b, r)));
    }

    [Fact]
    public async Task A_flush_requested_while_another_is_writing_waits_so_order_is_kept()
    {
        var sink = new RecordingSink();
        var release = sink.HoldFirstWrite();
        await using var harness = new WriterHarness(Options(batch: 1), sink);
        await harness.StartAsync();

        var first = harness.Write(1);
        await Eventually.TrueAsync(() => sink.Attempts == 1, "the background flush to be inside the sink");
        var second = harness.Write(2);
        var manualFlush = harness.Writer.FlushAvailableAsync(TestContext.Current.CancellationToken);
        release.SetResult();

        await Eventually.CompletedAsync(Task.WhenAll(first, second, manualFlush), "both writes durable");
        Assert.Equal([[1], [2]], sink.Batches);
    }

    [Fact]
    public async Task With_flush_when_idle_a_lone_write_goes_out_at_once_and_writes_during_a_flush_share_the_next()
    {
        var sink = new RecordingSink();
        var release = sink.HoldFirstWrite();
        var options = Options(batch: 100);
        options.FlushWhenIdle = true;
        await using var harness = new WriterHarness(options, sink);
        await harness.StartAsync();

        // Fake time never moves: neither the interval nor a full batch can be what flushes.
        var first = harness.Write(1);
        await Eventually.TrueAsync(() => sink.Attempts == 1, "the lone write to reach the sink without waiting for the interval");
        var during = Enumerable.Range(2, 5).Select(i => harness.Write(i)).ToList();
        Assert.Equal(5, harness.Writer.QueuedItems - 1);
        release.SetResult();

        await Eventually.CompletedAsync(Task.WhenAll(during.Append(first)), "every write durable, time standing still");
        Assert.Equal([[1], [2, 3, 4, 5, 6]], sink.Batches);
    }

    [Fact]
    public async Task Writes_queued_during_an_interval_flush_wait_for_the_next_interval_instead_of_going_out_at_once()
    {
        var sink = new RecordingSink();
        var release = sink.HoldFirstWrite();
        await using var harness = new WriterHarness(Options(batch: 100), sink);
        await harness.StartAsync();

        var first = harness.Write(1);
        await Eventually.TrueAsync(() => sink.Attempts == 1, "the interval flush to be inside the sink", () => harness.Time.Advance(harness.Options.FlushInterval));
        var during = new[] { harness.Write(2), harness.Write(3) };
        release.SetResult();
        await first;
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Equal([[1]], sink.Batches);
        Assert.All(during, w => Assert.False(w.IsCompleted));

        await Eventually.CompletedAsync(Task.WhenAll(during), "the next interval's flush", () => harness.Time.Advance(harness.Options.FlushInterval));
        Assert.Equal([[1], [2, 3]], sink.Batches);
    }

    [Fact]
    public async Task The_written_counter_counts_items_once_when_they_are_durable_not_when_a_write_fails()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        long written = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "airis.batching.int32.written") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref written, value));
        listener.Start();
        var options = Options(batch: 3);
        options.AckTimeout = TimeSpan.FromDays(1);
        await using var harness = new WriterHarness(options, new RecordingSink(failures: 2), meters);
        await harness.StartAsync();

        await Eventually.CompletedAsync(Task.WhenAll(harness.Write(1, 2, 3), harness.Write(4)), "all durable after two failed attempts", harness.Tick);

        Assert.Equal(4, Interlocked.Read(ref written));
    }

    private static bool ContainsRun(int[] batch, int[] run) =>
        batch.Length >= run.Length && Enumerable.Range(0, batch.Length - run.Length + 1).Any(i => batch.Skip(i).Take(run.Length).SequenceEqual(run));
}
