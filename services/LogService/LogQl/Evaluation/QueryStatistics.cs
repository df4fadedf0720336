namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// What a query did, in the terms of Loki's <c>stats.summary</c>: lines and bytes read from the store,
/// lines that passed the pipeline, entries returned. Lines counted from the index alone (metric queries
/// answered from the histogram) add to <see cref="TotalLinesProcessed"/> but not to bytes.
/// </summary>
public sealed class QueryStatistics
{
    public long TotalLinesProcessed { get; set; }

    public long TotalBytesProcessed { get; set; }

    public long TotalPostFilterLines { get; set; }

    public long TotalEntriesReturned { get; set; }

    public TimeSpan ExecTime { get; set; }
}
