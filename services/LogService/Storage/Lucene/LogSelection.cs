using Lucene.Net.Search;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// What a search selects: the parsed text (kept for highlighting), the text and structured filters as one
/// query, and the time range [StartNs, EndNs), which is applied per partition in the cheapest way. A
/// partition inside the range needs no time clause at all. One the range covers only a little of (a quarter
/// or less: "the last 15 minutes" of a day) gets a trie range clause, which drives the search through the
/// few documents in the window. One mostly covered gets a doc-values check on each match of the other
/// clauses instead (its key's ordinal against the range's), because building the trie range's bit set would visit nearly every document.
/// </summary>
internal sealed record LogSelection(Query? Text, Query? Filters, long StartNs, long EndNs)
{
    private const double NarrowShare = 0.25;

    /// <summary>Every record <paramref name="filters"/> matches, whatever its time.</summary>
    public static LogSelection Anytime(Query filters) => new(null, filters, long.MinValue, long.MaxValue);

    public Query In(LogPartition partition)
    {
        var core = Filters ?? new MatchAllDocsQuery();
        if (StartNs <= partition.StartNs && EndNs >= partition.EndNs)
        {
            return core;
        }

        var overlap = (double)Math.Min(EndNs, partition.EndNs) - Math.Max(StartNs, partition.StartNs);
        if (overlap / (partition.EndNs - partition.StartNs) <= NarrowShare)
        {
            var range = new TimeRangeQuery(StartNs, EndNs, true, false);
            return Filters is null ? range : new BooleanQuery { { range, Occur.MUST }, { Filters, Occur.MUST } };
        }

        return new FilteredQuery(core, TimeRangeQuery.Within(StartNs, EndNs - 1), FilteredQuery.QUERY_FIRST_FILTER_STRATEGY);
    }
}
