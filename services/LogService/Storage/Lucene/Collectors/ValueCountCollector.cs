using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace AirisEpm.LogService.Storage.Lucene.Collectors;

/// <summary>
/// Counts matching documents per value of a keyword field from its doc values (sorted for one value
/// per document, sorted-set for several, as <c>_field_names</c> has). Per segment it counts ordinals in
/// an array and turns them into strings once at the segment's end: O(matches + distinct values).
/// <paramref name="valueOf"/> reads a value from its bytes (UTF-8 text unless given).
/// </summary>
internal sealed class ValueCountCollector(string field, bool multiValued, Func<BytesRef, string>? valueOf = null) : ICollector
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private SortedDocValues? _single;
    private SortedSetDocValues? _multi;
    private long[] _ordCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Fold();
        if (multiValued)
        {
            _multi = context.AtomicReader.GetSortedSetDocValues(field);
            _ordCounts = new long[_multi?.ValueCount ?? 0];
        }
        else
        {
            _single = context.AtomicReader.GetSortedDocValues(field);
            _ordCounts = new long[_single?.ValueCount ?? 0];
        }
    }

    public void Collect(int doc)
    {
        if (_single is not null && _single.GetOrd(doc) is var ord and >= 0)
        {
            _ordCounts[ord]++;
        }
        else if (_multi is not null)
        {
            _multi.SetDocument(doc);
            for (var o = _multi.NextOrd(); o != SortedSetDocValues.NO_MORE_ORDS; o = _multi.NextOrd())
            {
                _ordCounts[o]++;
            }
        }
    }

    /// <summary>The counts so far, by value (call after the last search).</summary>
    public IReadOnlyDictionary<string, long> Counts()
    {
        Fold();
        return _counts;
    }

    private void Fold()
    {
        var value = new BytesRef();
        for (var ord = 0; ord < _ordCounts.Length; ord++)
        {
            if (_ordCounts[ord] == 0)
            {
                continue;
            }

            if (_single is not null)
            {
                _single.LookupOrd(ord, value);
            }
            else
            {
                _multi!.LookupOrd(ord, value);
            }

            var key = valueOf is null ? value.Utf8ToString() : valueOf(value);
            _counts[key] = _counts.GetValueOrDefault(key) + _ordCounts[ord];
        }

        _ordCounts = [];
        _single = null;
        _multi = null;
    }
}
