using AirisEpm.ServiceDefaults.Batching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.ServiceDefaults.Tests.Batching;

/// <summary>A <see cref="BatchingWriter{T}"/> on fake time in front of a <see cref="RecordingSink"/>.</summary>
internal sealed class WriterHarness : IAsyncDisposable
{
    public WriterHarness(BatchingWriterOptions options, RecordingSink? sink = null, System.Diagnostics.Metrics.IMeterFactory? meters = null)
    {
        Options = options;
        Sink = sink ?? new RecordingSink();
        Writer = new BatchingWriter<int>(Sink, Microsoft.Extensions.Options.Options.Create(options), Time, NullLogger<BatchingWriter<int>>.Instance, meters);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public BatchingWriterOptions Options { get; }

    public RecordingSink Sink { get; }

    public BatchingWriter<int> Writer { get; }

    public Task StartAsync() => Writer.StartAsync(TestContext.Current.CancellationToken);

    public Task Write(params int[] items) => Writer.WriteAsync(items, TestContext.Current.CancellationToken);

    /// <summary>Moves fake time by the longest wait the writer may be in (interval or retry backoff).</summary>
    public void Tick() => Time.Advance(new[] { Options.FlushInterval, Options.MaxRetryDelay, Options.InitialRetryDelay }.Max());

    public async ValueTask DisposeAsync()
    {
        Sink.Recover();
        await Writer.StopAsync(CancellationToken.None);
        Writer.Dispose();
    }
}
