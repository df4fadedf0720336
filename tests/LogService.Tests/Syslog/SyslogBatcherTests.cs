using System.Diagnostics.Metrics;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Ingest;
using AirisEpm.LogService.Syslog;
using AirisEpm.ServiceDefaults.Batching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static AirisEpm.LogService.Tests.Functional.LogApiJson;

namespace AirisEpm.LogService.Tests.Syslog;

/// <summary>Batching, order, and the rule that pushback delays records but never drops them.</summary>
public sealed class SyslogBatcherTests
{
    private sealed class ScriptedIngestor(int failures, Func<Exception> failure) : ILogIngestor
    {
        private int _calls;

        public List<List<LogRecord>> Batches { get; } = [];

        public Task IngestAsync(List<LogRecord> records, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) <= failures) throw failure();
            lock (Batches) Batches.Add([.. records]);
            return Task.CompletedTask;
        }

        public List<LogRecord> Stored
        {
            get
            {
                lock (Batches) return Batches.SelectMany(b => b).ToList();
            }
        }
    }

    private sealed class Meters : IMeterFactory
    {
        public Meter Create(MeterOptions options) => new(options);

        public void Dispose()
        {
        }
    }

    private static SyslogBatcher Batcher(ILogIngestor ingestor, int maxBatch = 100, int capacity = 1000) =>
        new(ingestor, Options.Create(new SyslogOptions { MaxBatchRecords = maxBatch, QueueCapacity = capacity, BatchWindow = TimeSpan.FromMilliseconds(1) }),
            new SyslogMetrics(new Meters()), TimeProvider.System, NullLogger<SyslogBatcher>.Instance);

    private static List<LogRecord> Records(int from, int count) =>
        Enumerable.Range(from, count).Select(i => new LogRecord($"id-{i}", i, Severity.Info, $"m{i}", "s", null, null,
            new Dictionary<string, string>(), new Dictionary<string, string>())).ToList();

    [Fact]
    public async Task Records_are_stored_in_order_in_batches_of_at_most_the_limit()
    {
        var ingestor = new ScriptedIngestor(0, () => new InvalidOperationException());
        var batcher = Batcher(ingestor, maxBatch: 100);
        await batcher.AddAsync(Records(0, 450), Ct);
        var run = batcher.RunAsync(Ct);
        batcher.Complete();
        await run;
        Assert.Equal(Enumerable.Range(0, 450).Select(i => $"id-{i}"), ingestor.Stored.Select(r => r.Id));
        Assert.All(ingestor.Batches, b => Assert.InRange(b.Count, 1, 100));
        Assert.Equal(100, ingestor.Batches[0].Count);
    }

    [Fact]
    public async Task Pushback_and_failures_are_retried_until_stored_and_nothing_is_dropped()
    {
        var pushback = new ScriptedIngestor(3, () => new BackpressureException("full", 429, TimeSpan.FromMilliseconds(1)));
        var failing = new ScriptedIngestor(2, () => new IOException("disk"));
        foreach (var ingestor in new[] { pushback, failing })
        {
            var batcher = Batcher(ingestor, maxBatch: 10);
            var run = batcher.RunAsync(Ct);
            await batcher.AddAsync(Records(0, 35), Ct);
            batcher.Complete();
            await run;
            Assert.Equal(Enumerable.Range(0, 35).Select(i => $"id-{i}"), ingestor.Stored.Select(r => r.Id));
        }
    }

    [Fact]
    public async Task A_full_queue_holds_the_writer_back_until_the_ingestor_takes_records()
    {
        var ingestor = new ScriptedIngestor(0, () => new InvalidOperationException());
        var batcher = Batcher(ingestor, maxBatch: 5, capacity: 10);
        var adding = batcher.AddAsync(Records(0, 25), Ct).AsTask();
        await Task.Delay(50, Ct);
        Assert.False(adding.IsCompleted);
        Assert.Equal(10, batcher.Queued);

        var run = batcher.RunAsync(Ct);
        await adding;
        batcher.Complete();
        await run;
        Assert.Equal(25, ingestor.Stored.Count);
    }

    [Fact]
    public async Task Aborting_gives_up_without_throwing()
    {
        var ingestor = new ScriptedIngestor(int.MaxValue, () => new BackpressureException("full", 503, TimeSpan.FromMilliseconds(10)));
        var batcher = Batcher(ingestor);
        await batcher.AddAsync(Records(0, 3), Ct);
        using var abort = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await batcher.RunAsync(abort.Token);
        Assert.Empty(ingestor.Stored);
    }
}
