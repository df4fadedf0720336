namespace AirisEpm.WebConsole.Dashboards.Grafana;

/// <summary>What the mappers of one import share: the notes of what did not map, the data sources, the constants.</summary>
internal sealed class ImportContext(DatasourceResolver datasources)
{
    private readonly List<UnmappedItem> _unmapped = [];

    public DatasourceResolver Datasources { get; } = datasources;

    /// <summary>Constant variables, substituted into queries and legends because their value never changes.</summary>
    public VariableSubstitution Constants { get; } = new();

    public IReadOnlyList<UnmappedItem> Unmapped => _unmapped;

    public void Note(string path, string reason) => _unmapped.Add(new UnmappedItem(path, reason));
}
