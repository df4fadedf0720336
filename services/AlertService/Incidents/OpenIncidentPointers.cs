namespace AirisEpm.AlertService.Incidents;

/// <summary>
/// Which groups' pointers to an incident a save of it changes. Each group an open incident stands for points at it, so
/// that a group finds its open incidents by its own key; a resolved incident is pointed at by none. <paramref name="previous"/>
/// is the incident's entry as last stored (null when none is: never stored, or resolved and cleaned up), and pointers
/// may exist for every group it names, whatever its status, because a save that stopped half-way is redone from it.
/// </summary>
public static class OpenIncidentPointers
{
    public static (IReadOnlyList<string> Add, IReadOnlyList<string> Remove) Change(IncidentSummary? previous, IncidentSummary current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var before = previous?.MemberKeys ?? [];
        var after = current.IsOpen ? current.MemberKeys : [];
        return ([.. after.Except(before, StringComparer.Ordinal)], [.. before.Except(after, StringComparer.Ordinal)]);
    }
}
