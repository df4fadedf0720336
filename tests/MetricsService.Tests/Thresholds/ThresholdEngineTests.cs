using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Thresholds;
using AirisEpm.ServiceDefaults.Events.Contracts;

namespace AirisEpm.MetricsService.Tests.Thresholds;

public sealed class ThresholdEngineTests
{
    private static readonly LabelSet Api = LabelSet.From(new Dictionary<string, string> { ["service"] = "api", ["code"] = "500" });
    private static readonly LabelSet Web = LabelSet.From(new Dictionary<string, string> { ["service"] = "web", ["code"] = "500" });

    private static ThresholdRuleContract Rule(string op = ">", double threshold = 10, double forSeconds = 0, params LabelMatcherContract[] matchers) =>
        new("r1", "errors", matchers, op, threshold, forSeconds);

    private static MetricSample At(long seconds, double value, LabelSet? labels = null) =>
        new("errors", labels ?? Api, seconds * 1000, value);

    private static ThresholdEngine EngineWith(params ThresholdRuleContract[] rules)
    {
        var engine = new ThresholdEngine();
        Assert.Empty(engine.ReplaceRules(1, rules));
        return engine;
    }

    [Fact]
    public void Fires_once_when_for_is_zero_and_then_stays_quiet_while_breaching()
    {
        var engine = EngineWith(Rule());

        var first = engine.Observe([At(1, 11)]);
        var again = engine.Observe([At(2, 12), At(3, 50)]);

        var crossing = Assert.Single(first);
        Assert.Equal(ThresholdCrossed.Firing, crossing.State);
        Assert.Equal(11, crossing.Value);
        Assert.Equal("api", crossing.SeriesLabels["service"]);
        Assert.Empty(again);
    }

    [Fact]
    public void A_series_still_breaching_resends_its_firing_crossing_each_resend_interval_with_its_original_start()
    {
        var engine = new ThresholdEngine(TimeSpan.FromMinutes(1));
        engine.ReplaceRules(1, [Rule(forSeconds: 30)]);

        var fired = Assert.Single(engine.Observe([At(0, 11), At(30, 12)]));
        Assert.Empty(engine.Observe([At(60, 13), At(89, 14)]));
        var resent = Assert.Single(engine.Observe([At(90, 15)]));
        Assert.Empty(engine.Observe([At(149, 16)]));
        var again = Assert.Single(engine.Observe([At(150, 17)]));
        var resolved = Assert.Single(engine.Observe([At(151, 1)]));

        Assert.Equal((ThresholdCrossed.Firing, 30_000L, 15d), (resent.State, resent.At.ToUnixTimeMilliseconds(), resent.Value));
        Assert.Equal(fired.At, again.At);
        Assert.Equal(3, new[] { fired.EventId, resent.EventId, again.EventId }.Distinct().Count()); // each a new delivery, not a duplicate
        Assert.Equal(ThresholdCrossed.Resolved, resolved.State);
    }

    [Fact]
    public void Waits_for_the_pending_duration_before_firing()
    {
        var engine = EngineWith(Rule(forSeconds: 60));

        Assert.Empty(engine.Observe([At(0, 11), At(30, 11), At(59, 11)]));
        var fired = Assert.Single(engine.Observe([At(60, 11)]));
        Assert.Equal(ThresholdCrossed.Firing, fired.State);
    }

    [Fact]
    public void A_dip_while_pending_resets_the_clock_without_an_event()
    {
        var engine = EngineWith(Rule(forSeconds: 60));

        Assert.Empty(engine.Observe([At(0, 11), At(30, 5), At(40, 11), At(90, 11)]));
        Assert.Single(engine.Observe([At(100, 11)]));
    }

    [Fact]
    public void Resolves_once_when_the_value_recovers()
    {
        var engine = EngineWith(Rule());
        engine.Observe([At(1, 11)]);

        var resolved = Assert.Single(engine.Observe([At(2, 3), At(3, 2)]));
        Assert.Equal(ThresholdCrossed.Resolved, resolved.State);
        Assert.NotEqual(engine.PeekUnpublished(10)[0].EventId, resolved.EventId);
    }

    [Fact]
    public void Series_are_tracked_independently_and_matchers_select_them()
    {
        var engine = EngineWith(Rule(matchers: new LabelMatcherContract("service", "=~", "ap.")));

        var crossings = engine.Observe([At(1, 11, Web), At(1, 11, Api)]);

        Assert.Equal("api", Assert.Single(crossings).SeriesLabels["service"]);
    }

    [Theory]
    [InlineData(">", 10, 10, false)]
    [InlineData(">=", 10, 10, true)]
    [InlineData("<", 10, 9, true)]
    [InlineData("<=", 10, 11, false)]
    [InlineData("==", 10, 10, true)]
    [InlineData("!=", 10, 10, false)]
    [InlineData(">", 10, double.PositiveInfinity, true)]
    [InlineData(">", 10, double.NaN, false)]
    public void Operators_compare_as_prometheus_does(string op, double threshold, double value, bool fires)
    {
        var engine = EngineWith(Rule(op, threshold));
        Assert.Equal(fires, engine.Observe([At(1, value)]).Count == 1);
    }

    [Fact]
    public void Other_metrics_are_ignored()
    {
        var engine = EngineWith(Rule());
        Assert.Empty(engine.Observe([new MetricSample("latency", Api, 1000, 99)]));
    }

    [Fact]
    public void An_older_rule_version_is_ignored()
    {
        var engine = EngineWith(Rule(threshold: 10));
        engine.ReplaceRules(0, [Rule(threshold: 1000)]);

        Assert.Equal(1, engine.RulesVersion);
        Assert.Single(engine.Observe([At(1, 11)]));
    }

    [Fact]
    public void A_rule_that_does_not_compile_is_reported_and_the_others_apply()
    {
        var engine = new ThresholdEngine();
        var errors = engine.ReplaceRules(1, [
            Rule() with { RuleId = "bad", Matchers = [new LabelMatcherContract("service", "=~", "(")] },
            Rule() with { RuleId = "worse", Operator = "~" },
            Rule(),
        ]);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("bad") && e.Contains("invalid regex"));
        Assert.Contains(errors, e => e.Contains("worse") && e.Contains("operator"));
        Assert.Single(engine.Rules);
    }

    [Fact]
    public void A_rule_id_given_twice_is_reported_and_only_its_first_rule_applies()
    {
        var engine = new ThresholdEngine();
        var first = Rule(threshold: 10) with { RuleId = "dup" };

        var errors = engine.ReplaceRules(1, [first, Rule(threshold: 99) with { RuleId = "dup" }, Rule()]);

        Assert.Contains("'dup'", Assert.Single(errors));
        Assert.Equal(2, engine.Rules.Count);
        Assert.Equal(10, Assert.Single(engine.Rules, r => r.Id == "dup").Contract.Threshold);
    }

    [Fact]
    public void Snapshot_and_restore_does_not_refire_a_firing_series()
    {
        var engine = EngineWith(Rule());
        engine.Observe([At(1, 11)]);
        engine.MarkPublished(1);

        var restarted = new ThresholdEngine();
        restarted.Restore(engine.Snapshot());

        Assert.Empty(restarted.Observe([At(2, 12)]));
        Assert.Equal(ThresholdCrossed.Resolved, Assert.Single(restarted.Observe([At(3, 1)])).State);
    }

    [Fact]
    public void Unpublished_crossings_survive_a_restart_with_the_same_event_id()
    {
        var engine = EngineWith(Rule());
        var crossing = Assert.Single(engine.Observe([At(1, 11)]));

        var restarted = new ThresholdEngine();
        restarted.Restore(engine.Snapshot());

        Assert.Equal(crossing.EventId, Assert.Single(restarted.PeekUnpublished(10)).EventId);
    }

    [Fact]
    public void Changing_a_rule_drops_its_series_state_and_keeping_it_does_not()
    {
        var engine = EngineWith(Rule(), Rule() with { RuleId = "r2" });
        engine.Observe([At(1, 11)]);

        engine.ReplaceRules(2, [Rule(threshold: 5), Rule() with { RuleId = "r2" }]);

        var crossings = engine.Observe([At(2, 11)]);
        Assert.Equal("r1", Assert.Single(crossings).RuleId);
    }
}
