using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Ingest;

/// <summary>Every ingest path (OTLP/HTTP, OTLP/gRPC, Zipkin) hands its spans here.</summary>
public interface ITraceIngestor
{
    /// <summary>
    /// Returns once the spans are durable in the store. Throws
    /// <see cref="ServiceDefaults.Batching.BackpressureException"/> (429 buffer full, 503 store failing or slow).
    /// </summary>
    Task IngestAsync(IReadOnlyList<Span> spans, CancellationToken cancellationToken);
}
