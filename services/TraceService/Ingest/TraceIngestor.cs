using AirisEpm.ServiceDefaults.Batching;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Ingest;

/// <summary>
/// Spans go through the batching writer in group-commit mode (<see cref="BatchingWriterOptions.FlushWhenIdle"/>):
/// concurrent requests share one store write, and each is answered when the write holding its spans is durable.
/// </summary>
public sealed class TraceIngestor(BatchingWriter<Span> writer) : ITraceIngestor
{
    public Task IngestAsync(IReadOnlyList<Span> spans, CancellationToken cancellationToken) =>
        writer.WriteAsync(spans, cancellationToken);
}
