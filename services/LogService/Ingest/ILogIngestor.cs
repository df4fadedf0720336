using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Ingest;

/// <summary>Every ingest path hands its records here; the call returns once they are durable.</summary>
public interface ILogIngestor
{
    /// <summary>
    /// Gives each record an id and its pattern, fills a level and trace context the line itself
    /// states when the producer gave none, and waits until the batch is stored. Throws
    /// <see cref="ServiceDefaults.Batching.BackpressureException"/> (429/503) when the store lags.
    /// </summary>
    Task IngestAsync(List<LogRecord> records, CancellationToken cancellationToken);
}
