using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace AirisEpm.LogService.Storage.Lucene.Filters;

/// <summary>
/// The documents whose <see cref="TimeIdKey"/> holds <paramref name="id"/> and a time in [<paramref name="firstNs"/>,
/// <paramref name="lastNs"/>]. Per segment the window's keys are a run of ordinals (two binary searches); each key in
/// the run is read once to compare its id, so the cost is the records of the window (a millisecond for an id that
/// tells its time), not of the segment. That work waits for the first candidate the filtered query offers, so a
/// segment holding nothing of the window's second costs nothing here: a lookup visits every segment of every partition.
/// </summary>
internal sealed class IdInWindowFilter(string id, long firstNs, long lastNs) : Filter
{
    private readonly byte[] _utf8Id = Encoding.UTF8.GetBytes(id);

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        if (context.AtomicReader.GetSortedDocValues(TimeIdKey.Field) is not { } keys)
        {
            return null;
        }

        List<int>? matching = null;
        return new FieldCacheDocIdSet(context.AtomicReader.MaxDoc, acceptDocs, doc => (matching ??= Matching(keys)).Contains(keys.GetOrd(doc)));
    }

    private List<int> Matching(SortedDocValues keys)
    {
        var (from, to) = TimeIdKey.OrdsWithin(keys, firstNs, lastNs);
        var key = new BytesRef();
        var matching = new List<int>(1);
        for (var ord = from; ord < to; ord++)
        {
            keys.LookupOrd(ord, key);
            if (TimeIdKey.HasId(key, _utf8Id))
            {
                matching.Add(ord);
            }
        }

        return matching;
    }
}
