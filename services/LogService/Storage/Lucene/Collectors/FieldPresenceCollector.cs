using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace AirisEpm.LogService.Storage.Lucene.Collectors;

/// <summary>
/// Counts, per optional field, the matching documents that have it. A keyword field's presence is its doc values
/// (every keyword value short enough to index has them: <see cref="LogDocumentBuilder"/>), read as the segment's
/// docs-with-field bits, so no per-record list of names is indexed for them. <c>_field_names</c> holds only what has
/// no doc values (<c>stack_trace</c>, a keyword value too long to index); older segments name every optional field
/// there too, so a name is counted from it only for a document whose doc values did not already count it.
/// Fields on every record (<see cref="LogDocuments.AlwaysPresent"/>) are left to the caller.
/// </summary>
internal sealed class FieldPresenceCollector : ICollector
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly List<(string Name, IBits Bits)> _present = [];
    private long[] _presentCounts = [];
    private SortedSetDocValues? _names;
    private int[] _nameToPresent = [];
    private long[] _nameCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Fold();
        var reader = context.AtomicReader;
        foreach (var info in reader.FieldInfos)
        {
            if (!info.HasDocValues || Array.IndexOf(LogDocuments.Internal, info.Name) >= 0 || Array.IndexOf(LogDocuments.AlwaysPresent, info.Name) >= 0) continue;
            if (reader.GetDocsWithField(info.Name) is { } bits) _present.Add((info.Name, bits));
        }

        _presentCounts = new long[_present.Count];
        _names = reader.GetSortedSetDocValues(LogDocuments.FieldNames);
        var names = _names?.ValueCount ?? 0;
        _nameCounts = new long[names];
        _nameToPresent = new int[names];
        var value = new BytesRef();
        for (var ord = 0; ord < names; ord++)
        {
            _names!.LookupOrd(ord, value);
            var name = value.Utf8ToString();
            _nameToPresent[ord] = _present.FindIndex(p => p.Name == name);
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _present.Count; i++)
        {
            if (_present[i].Bits.Get(doc)) _presentCounts[i]++;
        }

        if (_names is null) return;
        _names.SetDocument(doc);
        for (var ord = _names.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = _names.NextOrd())
        {
            var present = _nameToPresent[ord];
            if (present < 0 || !_present[present].Bits.Get(doc)) _nameCounts[ord]++;
        }
    }

    /// <summary>Matching documents per optional field that has any (call after the last search).</summary>
    public IReadOnlyDictionary<string, long> Counts()
    {
        Fold();
        return _counts;
    }

    private void Fold()
    {
        for (var i = 0; i < _present.Count; i++)
        {
            Add(_present[i].Name, _presentCounts[i]);
        }

        var value = new BytesRef();
        for (var ord = 0; ord < _nameCounts.Length; ord++)
        {
            if (_nameCounts[ord] == 0) continue;
            _names!.LookupOrd(ord, value);
            Add(value.Utf8ToString(), _nameCounts[ord]);
        }

        _present.Clear();
        (_presentCounts, _nameCounts, _nameToPresent, _names) = ([], [], [], null);
    }

    private void Add(string name, long count)
    {
        if (count > 0) _counts[name] = _counts.GetValueOrDefault(name) + count;
    }
}
