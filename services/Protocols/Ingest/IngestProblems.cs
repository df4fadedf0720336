namespace AirisEpm.Protocols.Ingest;

/// <summary>
/// What is wrong with a batch, by the path of each offending record and field
/// (<c>[3].timestamp</c>, <c>streams[0].values[2][0]</c>). A batch with any problem is rejected whole.
/// </summary>
public sealed class IngestProblems
{
    /// <summary>Enough to fix a batch; beyond it the answer would only grow.</summary>
    public const int MaxReported = 100;

    private readonly Dictionary<string, List<string>> _byPath = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public bool Any => Count > 0;

    public void Add(string path, string reason)
    {
        Count++;
        if (_byPath.Count >= MaxReported && !_byPath.ContainsKey(path)) return;
        if (!_byPath.TryGetValue(path, out var reasons)) _byPath[path] = reasons = [];
        reasons.Add(reason);
    }

    public IDictionary<string, string[]> ToDictionary() => _byPath.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
}
