using AirisEpm.AlertService.Rules;
using AirisEpm.ServiceDefaults.Events.Contracts;

namespace AirisEpm.AlertService.Tests.Rules;

public sealed class StreamingRuleSetTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);

    private static ThresholdRuleContract Rule(string id, double threshold = 0.9) =>
        new(id, "cpu_usage", [new LabelMatcherContract("service", "=", "api")], ">", threshold, 60);

    [Fact]
    public void Adding_a_rule_makes_a_new_version_at_least_the_change_time()
    {
        var set = StreamingRuleSet.Empty.With("a", Rule("a"), Now)!;

        Assert.Equal(Now.ToUnixTimeMilliseconds(), set.Version);
        Assert.Equal(Rule("a").Threshold, Assert.Single(set.Rules).Value.Threshold);
    }

    [Fact]
    public void A_change_that_leaves_the_set_as_it_was_yields_nothing_to_publish()
    {
        var set = StreamingRuleSet.Empty.With("a", Rule("a"), Now)!;

        Assert.Null(set.With("a", Rule("a"), Now.AddSeconds(1))); // equal, though the matcher list is another instance
        Assert.Null(set.With("b", null, Now.AddSeconds(1)));      // a rule that never was streaming went away
        Assert.NotNull(set.With("a", Rule("a", threshold: 0.8), Now.AddSeconds(1)));
        Assert.NotNull(set.With("a", Rule("a") with { Matchers = [new LabelMatcherContract("service", "=", "web")] }, Now.AddSeconds(1)));
    }

    [Fact]
    public void Removing_a_rule_drops_it_and_versions_grow_even_when_the_clock_steps_back()
    {
        var first = StreamingRuleSet.Empty.With("a", Rule("a"), Now)!.With("b", Rule("b"), Now)!;

        var removed = first.With("a", null, Now.AddHours(-1))!;

        Assert.Equal(["b"], removed.Rules.Keys);
        Assert.Equal(first.Version + 1, removed.Version);
        Assert.Equal(Now.ToUnixTimeMilliseconds() + 1, first.Version);
    }

    [Fact]
    public void A_resync_replaces_everything_and_always_has_a_new_version()
    {
        var set = StreamingRuleSet.Empty.With("a", Rule("a"), Now)!;

        var resync = set.Replace([Rule("c"), Rule("b")], Now);

        Assert.Equal(set.Version + 1, resync.Version);
        Assert.Equal(["b", "c"], resync.ToEvent(Now).StreamingRules.Select(r => r.RuleId));
        Assert.Equal(resync.Version, resync.ToEvent(Now).Version);
    }
}
