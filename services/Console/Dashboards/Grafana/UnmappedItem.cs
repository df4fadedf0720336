namespace AirisEpm.WebConsole.Dashboards.Grafana;

/// <summary>Something of the Grafana dashboard the import left out or changed, at its JSON path (<c>panels[3]</c>).</summary>
public sealed record UnmappedItem(string Path, string Reason);
