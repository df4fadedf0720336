using AirisEpm.LogService.Domain;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace AirisEpm.LogService.Storage.Lucene.Collectors;

/// <summary>
/// Counts matching documents per time bucket and level from the <c>timestamp</c> and <c>level</c> doc
/// values: no stored document is read. O(matches) with one array slot per bucket and level.
/// </summary>
internal sealed class HistogramCollector : ICollector
{
    private static readonly int Levels = Enum.GetValues<Severity>().Length;
    private readonly long _startNs;
    private readonly long _widthNs;
    private readonly long[] _counts;
    private readonly int _buckets;
    private NumericDocValues? _timestamps;
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
        _timestamps = context.AtomicReader.GetNumericDocValues(LogFieldNames.Timestamp);
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
        if (_timestamps is null)
        {
            return;
        }

        var bucket = (_timestamps.Get(doc) - _startNs) / _widthNs;
        if (bucket < 0 || bucket >= _buckets)
        {
            return;
        }

        var ord = _levels?.GetOrd(doc) ?? -1;
        _counts[(bucket * Levels) + (ord < 0 ? 0 : _ordToLevel[ord])]++;
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
