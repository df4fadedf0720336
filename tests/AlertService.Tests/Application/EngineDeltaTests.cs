using AirisEpm.AlertService.Application;
using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Tests.Application;

public sealed class EngineDeltaTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static AlertRecord Alert(string name, string summary = "s") =>
        new(new Dictionary<string, string> { ["alertname"] = name }, new Dictionary<string, string> { ["summary"] = summary }, Now, Now.AddMinutes(5), Now, null, true);

    private static string Hex(string name) => LabelSet.From(("alertname", name)).Fingerprint.ToString();

    private static SilenceRecord Silence(string id) => new(id, [new MatcherRecord("a", "b", false, true)], Now, Now.AddHours(1), Now, "me", "c");

    private static GroupRecord Log(string key, string integration) => new(key, [Hex("A")], [], Now, integration);

    private static readonly EngineSnapshot Saved = new(
        [Alert("A"), Alert("B"), Alert("C")], [Silence("s1")], [Log("g1", "hook/0"), Log("g1", "email/0"), Log("g2", "hook/0")], Now);

    private static EngineDelta Delta(
        IReadOnlyList<AlertRecord>? alerts = null, IReadOnlyList<string>? removed = null, IReadOnlyList<SilenceRecord>? silences = null,
        IReadOnlyList<string>? keys = null, IReadOnlyList<GroupRecord>? groups = null) =>
        new(alerts ?? [], removed ?? [], silences, keys ?? [], groups ?? [], Now.AddSeconds(2));

    [Fact]
    public void An_alert_replaces_the_saved_one_with_its_labels_and_a_removed_fingerprint_drops_it()
    {
        var merged = Delta(alerts: [Alert("B", "newer"), Alert("D")], removed: [Hex("C")]).ApplyTo(Saved);

        Assert.Equal(["A", "B", "D"], merged.Alerts.Select(a => a.Labels["alertname"]).Order());
        Assert.Equal("newer", merged.Alerts.Single(a => a.Labels["alertname"] == "B").Annotations["summary"]);
        Assert.Equal(Now.AddSeconds(2), merged.SavedAt);
    }

    [Fact]
    public void Silences_replace_all_when_given_and_stay_as_saved_when_not()
    {
        Assert.Equal(["s1"], Delta().ApplyTo(Saved).Silences.Select(s => s.Id));
        Assert.Equal(["s2", "s3"], Delta(silences: [Silence("s2"), Silence("s3")]).ApplyTo(Saved).Silences.Select(s => s.Id));
        Assert.Empty(Delta(silences: []).ApplyTo(Saved).Silences);
    }

    [Fact]
    public void A_listed_group_gets_exactly_its_new_records_and_one_listed_without_records_is_gone()
    {
        var merged = Delta(keys: ["g1", "g2"], groups: [Log("g1", "hook/0")]).ApplyTo(Saved);

        Assert.Equal([("g1", "hook/0")], merged.Groups.Select(g => (g.Key, g.Integration!)));
        Assert.Equal(3, Delta(groups: [Log("g9", "x")]).ApplyTo(Saved).Groups.Count); // records of an unlisted group are not taken
    }

    [Fact]
    public void Split_parts_applied_in_turn_give_what_the_whole_delta_gives_and_keep_each_group_in_one_part()
    {
        var alerts = Enumerable.Range(0, 25).Select(i => Alert($"N{i}")).ToList();
        var keys = Enumerable.Range(0, 7).Select(i => $"k{i}").ToList();
        var whole = Delta(alerts: alerts, removed: [Hex("A"), Hex("B")], silences: [Silence("s9")], keys: keys,
            groups: [.. keys.SelectMany(k => new[] { Log(k, "hook/0"), Log(k, "email/0") })]);

        var parts = whole.Split(perChunk: 10, groupsPerChunk: 3);

        Assert.Equal(3, parts.Count);
        Assert.All(parts.Skip(1), p => Assert.Null(p.Silences));
        Assert.All(parts, p => Assert.All(p.Groups, g => Assert.Contains(g.Key, p.GroupKeys)));
        var stepwise = parts.Aggregate(Saved, (state, part) => part.ApplyTo(state));
        var direct = whole.ApplyTo(Saved);
        Assert.Equal(direct.Alerts.Select(a => a.Labels["alertname"]).Order(), stepwise.Alerts.Select(a => a.Labels["alertname"]).Order());
        Assert.Equal(direct.Groups.Select(g => (g.Key, g.Integration)).Order(), stepwise.Groups.Select(g => (g.Key, g.Integration)).Order());
        Assert.Equal(["s9"], stepwise.Silences.Select(s => s.Id));
        Assert.Equal(whole.Size, parts.Sum(p => p.Size));
    }

    [Fact]
    public void An_empty_delta_is_one_empty_part()
    {
        Assert.True(Delta().IsEmpty);
        Assert.False(Delta(silences: []).IsEmpty);
        Assert.Single(Delta().Split(10, 10));
    }
}
