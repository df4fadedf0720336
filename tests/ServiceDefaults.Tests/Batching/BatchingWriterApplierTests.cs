using AirisEpm.ServiceDefaults.Batching;

namespace AirisEpm.ServiceDefaults.Tests.Batching;

/// <summary>The writer as a write-ahead log's applier: queue without waiting, wait for room, flush on request.</summary>
public sealed class BatchingWriterApplierTests
{
    private static BatchingWriterOptions Options(int capacity = 1000, int batch = 100) => new()
    {
        Capacity = capacity,
        MaxBatchSize = batch,
        FlushInterval = TimeSpan.FromMinutes(10),
        InitialRetryDelay = TimeSpan.FromMilliseconds(100),
        MaxRetryDelay = TimeSpan.FromSeconds(2),
        AckTimeout = TimeSpan.FromMilliseconds(1),
        ShutdownFlushTimeout = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task Enqueue_returns_at_once_and_its_task_completes_when_the_items_are_in_the_sink_however_long_it_takes()
    {
        // An hour passes with the ack timeout at 1 ms: WriteAsync would have answered 503; Enqueue has no timeout.
        await using var harness = new WriterHarness(Options(batch: 100));
        var hold = harness.Sink.HoldFirstWrite();
        await harness.StartAsync();

        var stored = harness.Writer.Enqueue([1, 2]);
        harness.Writer.RequestFlush();
        await Eventually.TrueAsync(() => harness.Sink.Attempts == 1, "the first write to start");
        harness.Time.Advance(TimeSpan.FromHours(1));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(stored.IsCompleted);

        hold.SetResult();
        await Eventually.CompletedAsync(stored, "the held write to finish");
        Assert.Equal([1, 2], harness.Sink.Written);
    }

    [Fact]
    public async Task RequestFlush_writes_a_partial_batch_before_the_interval()
    {
        await using var harness = new WriterHarness(Options(batch: 100));
        await harness.StartAsync();

        var stored = harness.Writer.Enqueue([7]);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(stored.IsCompleted);

        harness.Writer.RequestFlush();
        await Eventually.CompletedAsync(stored, "the requested flush");
        Assert.Equal([[7]], harness.Sink.Batches);
    }

    [Fact]
    public async Task WaitForRoomAsync_returns_once_a_write_makes_room_and_throws_the_queues_refusal_when_none_comes()
    {
        await using var harness = new WriterHarness(Options(capacity: 4, batch: 100));
        var hold = harness.Sink.HoldFirstWrite();
        await harness.StartAsync();
        var full = harness.Writer.Enqueue([1, 2, 3, 4]);

        var refusal = harness.Writer.WaitForRoomAsync(1, TimeSpan.FromMilliseconds(30), TestContext.Current.CancellationToken);
        await Task.Delay(20, TestContext.Current.CancellationToken);
        Assert.False(refusal.IsCompleted);
        harness.Time.Advance(TimeSpan.FromMilliseconds(31));
        var refused = await Assert.ThrowsAsync<BackpressureException>(() => refusal);
        Assert.Equal(429, refused.StatusCode);

        var waiting = harness.Writer.WaitForRoomAsync(2, TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        harness.Writer.RequestFlush();
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);
        hold.SetResult();
        await Eventually.CompletedAsync(waiting, "room after the write");
        await full;
        Assert.Equal(0, harness.Writer.QueuedItems);
    }

    [Fact]
    public async Task Enqueue_refuses_like_WriteAsync_when_the_buffer_is_full()
    {
        await using var harness = new WriterHarness(Options(capacity: 2, batch: 100));
        await harness.StartAsync();
        _ = harness.Writer.Enqueue([1, 2]);

        // Refused synchronously, before a task exists: nothing was queued.
        BackpressureException? error = null;
        try
        {
            _ = harness.Writer.Enqueue([3]);
        }
        catch (BackpressureException e)
        {
            error = e;
        }

        Assert.NotNull(error);
        Assert.Equal(429, error.StatusCode);
        Assert.True(error.RetryAfter > TimeSpan.Zero);
    }

    [Fact]
    public async Task EnqueueDurable_takes_items_past_the_capacity_that_Enqueue_would_refuse()
    {
        await using var harness = new WriterHarness(Options(capacity: 2, batch: 100));
        await harness.StartAsync();
        _ = harness.Writer.Enqueue([1, 2]);

        var stored = harness.Writer.EnqueueDurable([3]);

        Assert.Equal(3, harness.Writer.QueuedItems);
        harness.Writer.RequestFlush();
        await Eventually.CompletedAsync(stored, "the over-capacity items to be written");
        Assert.Equal([1, 2, 3], harness.Sink.Written);
    }
}
