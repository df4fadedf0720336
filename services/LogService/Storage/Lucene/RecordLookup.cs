using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage.Lucene.Filters;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// The record with a given id, found without an index of ids: an id made by <see cref="RecordIds.New"/> tells its
/// record's millisecond, so the search is that millisecond's time range (the bucket terms of its second, then the
/// keys of the millisecond) with the id compared on each key in it. A record whose id does not tell its time has an
/// <c>id</c> term instead (<see cref="LogDocumentBuilder"/>), so the query also asks for that term: a miss costs a
/// terms-dictionary lookup per segment.
/// </summary>
internal static class RecordLookup
{
    public static Query ById(string id)
    {
        var byTerm = new TermQuery(new Term(LogFieldNames.Id, id));
        if (!RecordIds.TryGetWindow(id, out var first, out var last))
        {
            return byTerm;
        }

        var byTime = new FilteredQuery(LogDocuments.TimeRange(first, last, true, true), new IdInWindowFilter(id, first, last), FilteredQuery.QUERY_FIRST_FILTER_STRATEGY);
        return new BooleanQuery { { byTime, Occur.SHOULD }, { byTerm, Occur.SHOULD } };
    }

    /// <summary>Whether the record keeps its id as a term: only when the id does not tell its time.</summary>
    public static bool NeedsIdTerm(LogRecord record) => !RecordIds.Tells(record.Id, record.TimestampNs);
}
