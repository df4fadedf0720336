using AirisEpm.LogService.Domain;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace AirisEpm.LogService.Storage.Lucene.Collectors;

/// <summary>
/// Counts matching documents per time bucket and level from the <see cref="TimeIdKey"/> and <c>level</c> doc
/// values: no stored document is read, nor any key. The keys sort by time, so per segment each bucket is a run of
/// key ordinals (a binary search per bucket edge) and a document's bucket is found from its ordinal alone.
/// O(matches × log buckets) with one array slot per bucket and level.
/// </summary>
internal sealed class HistogramCollector : ICollector
{
    private static readonly int Levels = Enum.GetValues<Severity>().Length;
    private readonly long _startNs;
    private readonly long _widthNs;
    private readonly long[] _counts;
    private readonly int _buckets;
    private SortedDocValues? _keys;
    private int[] _firstOrds = [];
    private SortedDocValues? _levels;
    private int[] _ordToLevel = [];

    public HistogramCollector(long startNs, long widthNs, int buckets)
    {
        _startNs = startNs;
        _widthNs = widthNs;
        _buckets = buckets;
        _counts = new long[buckets * Levels];
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        _keys = context.AtomicReader.GetSortedDocValues(TimeIdKey.Field);
        if (_keys is not null)
        {
            // _firstOrds[b] is the first ordinal of bucket b; the last entry ends the last bucket.
            _firstOrds = new int[_buckets + 1];
            for (var b = 0; b <= _buckets; b++)
            {
                var edge = _startNs + ((Int128)b * _widthNs);
                _firstOrds[b] = edge > long.MaxValue ? _keys.ValueCount : TimeIdKey.FirstOrdAtOrAfter(_keys, (long)edge); // past the end of time: no key
            }
        }

        _levels = context.AtomicReader.GetSortedDocValues(LogFieldNames.Level);
        _ordToLevel = new int[_levels?.ValueCount ?? 0];
        var name = new BytesRef();
        for (var ord = 0; ord < _ordToLevel.Length; ord++)
        {
            _levels!.LookupOrd(ord, name);
            _ordToLevel[ord] = SeverityNames.TryParse(name.Utf8ToString(), out var level) ? (int)level : 0;
        }
    }

    public void Collect(int doc)
    {
        if (_keys is null)
        {
            return;
        }

        var key = _keys.GetOrd(doc);
        if (key < _firstOrds[0] || key >= _firstOrds[_buckets])
        {
            return;
        }

        // The last bucket whose first ordinal is at or before the key's (buckets may be empty runs).
        var at = Array.BinarySearch(_firstOrds, key);
        var bucket = at >= 0 ? LastOfRun(at, key) : ~at - 1;

        var ord = _levels?.GetOrd(doc) ?? -1;
        _counts[(bucket * Levels) + (ord < 0 ? 0 : _ordToLevel[ord])]++;
    }

    private int LastOfRun(int at, int ord)
    {
        while (at + 1 < _buckets && _firstOrds[at + 1] == ord)
        {
            at++;
        }

        return at;
    }

    public IReadOnlyList<HistogramBucket> Buckets()
    {
        var result = new List<HistogramBucket>(_buckets);
        for (var b = 0; b < _buckets; b++)
        {
            var counts = new Dictionary<Severity, long>();
            for (var level = 0; level < Levels; level++)
            {
                if (_counts[(b * Levels) + level] is var n and > 0)
                {
                    counts[(Severity)level] = n;
                }
            }

            result.Add(new HistogramBucket(_startNs + (b * _widthNs), counts));
        }

        return result;
    }
}
