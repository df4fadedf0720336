using AirisEpm.AlertService.Domain.PrometheusRules;
using AirisEpm.AlertService.Rules.Prometheus;

namespace AirisEpm.AlertService.Tests.PrometheusRules;

public sealed class GroupStateTests
{
    [Theory]
    [InlineData("api", "http")]
    [InlineData("a.b-c_d", "name with spaces / slashes ? and ünïcode ☃")]
    [InlineData("f", "")]
    public void An_actor_id_gives_back_its_file_and_group(string file, string group)
    {
        var reference = new GroupRef(file, group);
        Assert.DoesNotContain('/', reference.ActorId);
        Assert.Equal(reference, GroupRef.FromActorId(reference.ActorId));
    }

    [Fact]
    public void A_garbled_actor_id_is_no_group() => Assert.Null(GroupRef.FromActorId("!!"));

    [Fact]
    public void A_reloaded_group_keeps_the_state_of_rules_of_the_same_kind_and_name()
    {
        var health = new PromRuleHealth(PromRuleHealth.Ok, null, DateTimeOffset.UnixEpoch, 0.1);
        var state = new PromGroupState(null, 0,
        [
            new PromRuleStatus("A", true, health, []),
            new PromRuleStatus("r", false, health, []),
            new PromRuleStatus("A", true, health with { EvaluationSeconds = 0.2 }, []),
        ]);
        var group = new PromRuleGroup("g", null, 0, null, new Dictionary<string, string>(),
        [
            new PromRecordingRule("r", "x", new Dictionary<string, string>()),
            new PromAlertingRule("A", "x", TimeSpan.Zero, TimeSpan.Zero, new Dictionary<string, string>(), new Dictionary<string, string>()),
            new PromAlertingRule("A", "x", TimeSpan.Zero, TimeSpan.Zero, new Dictionary<string, string>(), new Dictionary<string, string>()),
            new PromAlertingRule("r", "x", TimeSpan.Zero, TimeSpan.Zero, new Dictionary<string, string>(), new Dictionary<string, string>()),
        ]);

        var aligned = state.AlignedTo(group);

        Assert.Equal([0.1, 0.1, 0.2, 0], aligned.Select(s => s.Health.EvaluationSeconds));
        Assert.Equal(PromRuleHealth.Unknown, aligned[3].Health.Health);
    }
}
