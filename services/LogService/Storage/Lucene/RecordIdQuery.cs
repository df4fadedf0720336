using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage.Lucene.Filters;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// The record with id <see cref="Id"/> (<c>id:…</c> in the query syntax), found without an index of ids: an id made by
/// <see cref="RecordIds.New"/> tells its record's millisecond, so the search is the records of that millisecond's
/// second (its bucket term), kept where their key holds the millisecond and the id (<see cref="IdInWindowFilter"/>).
/// A record whose id does not tell its time has an <c>id</c> term instead (<see cref="NeedsIdTerm"/>), so the search
/// also asks for that term: a miss costs a terms-dictionary lookup per segment. <c>GetAsync</c> runs the two parts
/// one after the other (<see cref="ByTime"/>, then <see cref="ByTerm"/>). Elasticsearch receives it as the term it is there.
/// </summary>
internal sealed class RecordIdQuery(string id) : Query
{
    public string Id => id;

    /// <summary>Whether the record keeps its id as a term: only when the id does not tell its time.</summary>
    public static bool NeedsIdTerm(LogRecord record) => !RecordIds.Tells(record.Id, record.TimestampNs);

    /// <summary>The record with <paramref name="id"/> if it is stamped in the millisecond its id tells (<paramref name="firstNs"/> to <paramref name="lastNs"/>); null when the id tells none.</summary>
    public static Query? ByTime(string id, out long firstNs, out long lastNs) =>
        RecordIds.TryGetWindow(id, out firstNs, out lastNs)
            ? new FilteredQuery(TimeRangeQuery.Buckets(firstNs, lastNs), new IdInWindowFilter(id, firstNs, lastNs), FilteredQuery.QUERY_FIRST_FILTER_STRATEGY)
            : null;

    /// <summary>The record with <paramref name="id"/> if its id is a term (<see cref="NeedsIdTerm"/>).</summary>
    public static Query ByTerm(string id) => new TermQuery(new Term(LogFieldNames.Id, id));

    public override Query Rewrite(IndexReader reader) =>
        ByTime(id, out _, out _) is { } byTime ? new BooleanQuery { { byTime, Occur.SHOULD }, { ByTerm(id), Occur.SHOULD } } : ByTerm(id);

    public override string ToString(string field) => $"{LogFieldNames.Id}:\"{id}\"";

    public override bool Equals(object? obj) => obj is RecordIdQuery other && other.Boost == Boost && other.Id == id;

    public override int GetHashCode() => HashCode.Combine(Boost, id);
}
