namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// The work one query may do: at most <see cref="MaxRecords"/> records read from the store. Counting
/// is per query (one instance per request), not thread-safe; the scanner counts each record it yields.
/// </summary>
public sealed class QueryBudget(int maxRecords)
{
    public int MaxRecords { get; } = maxRecords;

    public long Scanned { get; private set; }

    public long BytesScanned { get; private set; }

    /// <summary>Throws before reading when the store says more records match than the budget allows.</summary>
    public void Expect(long records)
    {
        if (Scanned + records > MaxRecords) throw Exceeded(Scanned + records);
    }

    public void Count(int bytes)
    {
        if (++Scanned > MaxRecords) throw Exceeded(Scanned);
        BytesScanned += bytes;
    }

    private LogQlExecutionException Exceeded(long records) => new(ExecutionProblem.TooMuchWork,
        $"the query would read more than {MaxRecords:N0} log records (at least {records:N0}); narrow it with more label matchers, a line filter such as |= \"text\", or a shorter time range");
}
