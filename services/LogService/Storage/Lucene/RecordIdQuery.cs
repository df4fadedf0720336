using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage.Lucene.Filters;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// The record with id <see cref="Id"/>, found without an index of ids: an id made by <see cref="RecordIds.New"/> tells
/// its record's millisecond, so the search is that millisecond's time range (the bucket terms of its second, then the
/// keys of the millisecond) with the id compared on each key in it. A record whose id does not tell its time has an
/// <c>id</c> term instead (<see cref="NeedsIdTerm"/>), so the search also asks for that term: a miss costs a
/// terms-dictionary lookup per segment. Elasticsearch receives it as the term it is there.
/// </summary>
internal sealed class RecordIdQuery(string id) : Query
{
    public string Id => id;

    /// <summary>Whether the record keeps its id as a term: only when the id does not tell its time.</summary>
    public static bool NeedsIdTerm(LogRecord record) => !RecordIds.Tells(record.Id, record.TimestampNs);

    public override Query Rewrite(IndexReader reader)
    {
        var byTerm = new TermQuery(new Term(LogFieldNames.Id, id));
        if (!RecordIds.TryGetWindow(id, out var first, out var last))
        {
            return byTerm;
        }

        var byTime = new FilteredQuery(new TimeRangeQuery(first, last, true, true), new IdInWindowFilter(id, first, last), FilteredQuery.QUERY_FIRST_FILTER_STRATEGY);
        return new BooleanQuery { { byTime, Occur.SHOULD }, { byTerm, Occur.SHOULD } };
    }

    public override string ToString(string field) => $"{LogFieldNames.Id}:\"{id}\"";

    public override bool Equals(object? obj) => obj is RecordIdQuery other && other.Boost == Boost && other.Id == id;

    public override int GetHashCode() => HashCode.Combine(Boost, id);
}
