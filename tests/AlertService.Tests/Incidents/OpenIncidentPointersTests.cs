using AirisEpm.AlertService.Incidents;

namespace AirisEpm.AlertService.Tests.Incidents;

public sealed class OpenIncidentPointersTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static IncidentSummary Summary(IncidentStatus status, params string[] groups) =>
        new("i-1", groups[0], "t", status, T0, null, "page", groups);

    [Fact]
    public void Opening_points_every_group_at_the_incident()
    {
        var (add, remove) = OpenIncidentPointers.Change(null, Summary(IncidentStatus.Triggered, "g-a", "g-b"));

        Assert.Equal(["g-a", "g-b"], add);
        Assert.Empty(remove);
    }

    [Fact]
    public void A_joining_group_is_added_and_an_acknowledgement_changes_no_pointer()
    {
        var open = Summary(IncidentStatus.Triggered, "g-a");

        Assert.Equal(Pair(["g-b"], []), Pair(OpenIncidentPointers.Change(open, Summary(IncidentStatus.Triggered, "g-a", "g-b"))));
        Assert.Equal(Pair([], []), Pair(OpenIncidentPointers.Change(open, Summary(IncidentStatus.Acknowledged, "g-a"))));
    }

    [Fact]
    public void Resolving_removes_every_pointer_and_a_resolve_stopped_half_way_is_redone_from_its_stored_entry()
    {
        var resolved = Summary(IncidentStatus.Resolved, "g-a", "g-b");

        Assert.Equal(Pair([], ["g-a", "g-b"]), Pair(OpenIncidentPointers.Change(Summary(IncidentStatus.Triggered, "g-a", "g-b"), resolved)));
        Assert.Equal(Pair([], ["g-a", "g-b"]), Pair(OpenIncidentPointers.Change(resolved, resolved)));
        Assert.Equal(Pair([], []), Pair(OpenIncidentPointers.Change(null, resolved)));
    }

    [Fact]
    public void An_entry_written_before_incidents_joined_groups_stands_for_its_own_group()
    {
        var legacy = new IncidentSummary("i-1", "g-a", "t", IncidentStatus.Triggered, T0, null);

        Assert.Equal(Pair(["g-a"], []), Pair(OpenIncidentPointers.Change(null, legacy)));
    }

    /// <summary>The change as text ("add g-b; remove "), so that two changes compare by value.</summary>
    private static string Pair((IReadOnlyList<string> Add, IReadOnlyList<string> Remove) change) =>
        $"add {string.Join(' ', change.Add)}; remove {string.Join(' ', change.Remove)}";

    private static string Pair(string[] add, string[] remove) => Pair((add, remove));
}
