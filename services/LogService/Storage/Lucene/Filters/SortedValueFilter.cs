using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace AirisEpm.LogService.Storage.Lucene.Filters;

/// <summary>
/// The documents whose sorted doc value of <paramref name="field"/> is <paramref name="value"/>. Per segment one binary
/// search finds the value's ordinal (a segment without it is skipped whole); then each candidate of the query it
/// filters is checked by its ordinal, with no value read.
/// </summary>
internal sealed class SortedValueFilter(string field, BytesRef value) : Filter
{
    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var values = context.AtomicReader.GetSortedDocValues(field);
        var ord = values?.LookupTerm(value) ?? -1;
        return ord < 0 ? null : new FieldCacheDocIdSet(context.AtomicReader.MaxDoc, acceptDocs, doc => values!.GetOrd(doc) == ord);
    }
}
