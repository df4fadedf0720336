using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Inhibition;
using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Tests.Domain.Inhibition;

public sealed class InhibitorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly InhibitRule CriticalMutesWarning = new(
        AlertmanagerMatchers.Parse("severity=\"critical\""),
        AlertmanagerMatchers.Parse("severity=~\"warning|info\""),
        ["cluster", "service"]);

    private static Alert Firing(params (string, string)[] labels) =>
        new(LabelSet.From(labels), LabelSet.Empty, Now.AddMinutes(-1), Now.AddMinutes(5), Now);

    [Fact]
    public void Firing_source_inhibits_target_with_equal_labels()
    {
        var source = Firing(("alertname", "Down"), ("severity", "critical"), ("cluster", "eu"), ("service", "api"));
        var inhibitor = new Inhibitor([CriticalMutesWarning], [source], Now);

        var target = LabelSet.From(("alertname", "Slow"), ("severity", "warning"), ("cluster", "eu"), ("service", "api"));
        Assert.Equal([source.Fingerprint], inhibitor.InhibitedBy(target));
        Assert.True(inhibitor.IsInhibited(target));

        Assert.Empty(inhibitor.InhibitedBy(target.With("cluster", "us"))); // equal label differs
        Assert.Empty(inhibitor.InhibitedBy(target.With("severity", "page"))); // not a target
    }

    [Fact]
    public void Equal_label_missing_on_both_sides_counts_as_equal()
    {
        var source = Firing(("severity", "critical"), ("service", "api"));
        var inhibitor = new Inhibitor([CriticalMutesWarning], [source], Now);
        Assert.True(inhibitor.IsInhibited(LabelSet.From(("severity", "info"), ("service", "api"))));
        Assert.False(inhibitor.IsInhibited(LabelSet.From(("severity", "info"), ("service", "api"), ("cluster", "eu"))));
    }

    [Fact]
    public void Resolved_source_does_not_inhibit()
    {
        var resolved = Firing(("severity", "critical")) with { EndsAt = Now };
        var inhibitor = new Inhibitor([CriticalMutesWarning], [resolved], Now);
        Assert.False(inhibitor.IsInhibited(LabelSet.From(("severity", "warning"))));
    }

    [Fact]
    public void Alert_matching_both_sides_does_not_inhibit_itself_but_inhibits_its_peers()
    {
        var rule = new InhibitRule(AlertmanagerMatchers.Parse("alertname=\"NodeDown\""), AlertmanagerMatchers.Parse("alertname=\"NodeDown\""), []);
        var a = Firing(("alertname", "NodeDown"), ("node", "a"));
        var onlyA = new Inhibitor([rule], [a], Now);
        Assert.False(onlyA.IsInhibited(a.Labels));
        Assert.Empty(onlyA.InhibitedBy(a.Labels));

        var b = Firing(("alertname", "NodeDown"), ("node", "b"));
        var both = new Inhibitor([rule], [a, b], Now);
        Assert.Equal([b.Fingerprint], both.InhibitedBy(a.Labels));
        Assert.True(both.IsInhibited(a.Labels));
    }
}
