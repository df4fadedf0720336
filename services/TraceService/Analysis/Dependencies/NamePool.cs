namespace AirisEpm.TraceService.Analysis.Dependencies;

/// <summary>
/// One instance of each service and peer name the extractor keeps, so a span held for its wait keeps no string of its
/// own. Names are few (services, databases, hosts); past <see cref="MaxNames"/> a name is kept as given. Not
/// thread-safe: the extractor's lock covers it.
/// </summary>
internal sealed class NamePool
{
    public const int MaxNames = 100_000;

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public string Shared(string name)
    {
        if (_names.TryGetValue(name, out var shared)) return shared;
        if (_names.Count < MaxNames) _names.Add(name);
        return name;
    }
}
