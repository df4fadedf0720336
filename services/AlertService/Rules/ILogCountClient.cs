namespace AirisEpm.AlertService.Rules;

/// <summary>Counts log records matching a query (Lucene syntax) in [start, end); throws <see cref="LogQueryFailedException"/> when log-service cannot answer.</summary>
public interface ILogCountClient
{
    Task<LogCount> CountAsync(string query, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);
}

/// <summary>The count, and whether it is only a lower bound (log-service counts exactly up to 10,000).</summary>
public sealed record LogCount(long Records, bool IsLowerBound);

public sealed class LogQueryFailedException(string message, Exception? inner = null) : Exception(message, inner);
