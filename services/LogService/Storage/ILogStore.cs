using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Storage;

/// <summary>
/// Where log records are kept and searched. Implementations: Lucene.NET (embedded) and Elasticsearch;
/// one conformance suite covers both, so they give the same answers.
/// </summary>
public interface ILogStore
{
    /// <summary>Opens or creates the store (replaying what was durable but not yet indexed); called once at start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores the batch whole or throws. When it returns the records are durable (they survive kill -9).</summary>
    Task AppendAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken);

    /// <summary>Newest first, cursor-paged; see <see cref="LogQuery"/>.</summary>
    Task<LogSearchResult> SearchAsync(LogQuery query, CancellationToken cancellationToken);

    Task<LogRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="before"/> older and <paramref name="after"/> newer records of the same service and host, in time order, the record itself included.</summary>
    Task<IReadOnlyList<LogRecord>> ContextAsync(string id, int before, int after, CancellationToken cancellationToken);

    /// <summary>The fields present in the records matching <paramref name="query"/>, with how many records have each.</summary>
    Task<IReadOnlyList<FieldCount>> FieldsAsync(LogQuery query, CancellationToken cancellationToken);

    /// <summary>The most frequent values of <paramref name="field"/> over the records matching <paramref name="query"/>.</summary>
    Task<IReadOnlyList<ValueCount>> ValuesAsync(string field, LogQuery query, int limit, CancellationToken cancellationToken);

    /// <summary>Drops records older than <paramref name="cutoffNs"/> (whole partitions where the store has them); returns records removed where known.</summary>
    Task<long> DeleteBeforeAsync(long cutoffNs, CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot answer; used by the health check.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
