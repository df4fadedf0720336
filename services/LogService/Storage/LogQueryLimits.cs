namespace AirisEpm.LogService.Storage;

/// <summary>The bounds every store applies to a <see cref="LogQuery"/> before running it.</summary>
public static class LogQueryLimits
{
    /// <summary>Totals are counted exactly up to this many matches (Elasticsearch's <c>track_total_hits</c> default).</summary>
    public const int ExactTotal = 10_000;

    /// <summary>The largest page: what one response can reasonably carry.</summary>
    public const int MaxLimit = 10_000;

    public const int MaxHistogramBuckets = 1_000;

    /// <summary>Terms, phrases' words and ranges in one query text, all nesting levels counted: enough for any hand-written query, too few to make one costly.</summary>
    public const int MaxClauses = 1_024;

    /// <summary>Wildcard characters in one term: each can multiply the states of the term's automaton.</summary>
    public const int MaxWildcards = 8;

    /// <summary>Throws <see cref="LogQueryException"/> naming the first bound <paramref name="query"/> breaks.</summary>
    public static void Check(LogQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.EndNs <= query.StartNs)
        {
            throw new LogQueryException($"The time range is empty: end ({query.EndNs}) must be after start ({query.StartNs}).");
        }

        if (query.Limit is < 0 or > MaxLimit)
        {
            throw new LogQueryException($"limit must be between 0 and {MaxLimit}; it is {query.Limit}.");
        }

        if (query.HistogramBuckets is < 0 or > MaxHistogramBuckets)
        {
            throw new LogQueryException($"The histogram takes 0 to {MaxHistogramBuckets} buckets; {query.HistogramBuckets} were asked.");
        }
    }

    /// <summary>The width of each of <paramref name="query"/>'s histogram buckets (the last may reach past the end).</summary>
    public static long BucketWidth(LogQuery query) => Math.Max(1, (long)Math.Ceiling(((double)query.EndNs - query.StartNs) / query.HistogramBuckets));
}
