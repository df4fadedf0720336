namespace AirisEpm.WebConsole.Dashboards;

/// <summary>
/// A template variable the page offers above the panels and interpolates into every query
/// (<c>$name</c>, <c>${name}</c>, <c>[[name]]</c>; several values as <c>a|b</c> for <c>=~</c>).
/// <see cref="Query"/> depends on <see cref="Type"/>: <c>label_values(up, job)</c> or <c>label_values(job)</c>
/// for <see cref="VariableTypes.Query"/>, comma-separated values for <see cref="VariableTypes.Custom"/> and
/// <see cref="VariableTypes.Interval"/> (as Grafana writes them). <see cref="Current"/> holds the selected values;
/// <c>["$__all"]</c> selects All, Grafana's convention.
/// </summary>
public sealed record DashboardVariable
{
    public const string AllValue = "$__all";

    public string Name { get; init; } = "";

    public string? Label { get; init; }

    public string Type { get; init; } = VariableTypes.Query;

    public string Query { get; init; } = "";

    public bool Multi { get; init; }

    public bool IncludeAll { get; init; }

    public IReadOnlyList<string> Current { get; init; } = [];
}
