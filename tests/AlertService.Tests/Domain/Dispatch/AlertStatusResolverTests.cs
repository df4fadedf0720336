using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Dispatch;
using AirisEpm.AlertService.Domain.Inhibition;
using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Routing;
using AirisEpm.AlertService.Domain.Silences;

namespace AirisEpm.AlertService.Tests.Domain.Dispatch;

public sealed class AlertStatusResolverTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static Alert Firing(params (string, string)[] labels) => new(LabelSet.From(labels), LabelSet.Empty, Now, Now.AddHours(1), Now);

    [Fact]
    public void Reports_suppression_reasons_and_receivers()
    {
        var config = DispatcherTests.Config(new RouteConfig { Matchers = AlertmanagerMatchers.Parse("team=night"), Receiver = "night", Continue = true });
        var silences = new SilenceStore(() => "sil-1");
        silences.Set(new SilenceRequest(AlertmanagerMatchers.Parse("instance=a"), Now, Now.AddHours(1), "ops", "maint"), Now);
        var source = Firing(("alertname", "Down"), ("team", "night"));
        var silenced = Firing(("alertname", "Cpu"), ("instance", "a"));
        var inhibited = Firing(("alertname", "Cpu"), ("instance", "b"), ("team", "night"));
        var inhibitor = new Inhibitor([new InhibitRule(AlertmanagerMatchers.Parse("alertname=Down"), AlertmanagerMatchers.Parse("alertname=Cpu"), ["team"])], [source, silenced, inhibited], Now);
        var resolver = new AlertStatusResolver(config.Routes, silences, inhibitor);

        var active = resolver.Resolve(source, Now);
        Assert.Equal(AlertStatusState.Active, active.State);
        Assert.Empty(active.SilencedBy);
        Assert.Empty(active.InhibitedBy); // a source never inhibits itself
        Assert.Equal(["night"], active.Receivers); // the continue child matched, so the root is not added
        var silencedStatus = resolver.Resolve(silenced, Now);
        Assert.Equal((AlertStatusState.Suppressed, "sil-1"), (silencedStatus.State, silencedStatus.SilencedBy.Single()));
        Assert.Empty(silencedStatus.InhibitedBy); // equal label "team" differs ("" vs "night")
        var inhibitedStatus = resolver.Resolve(inhibited, Now);
        Assert.Equal([source.Fingerprint], inhibitedStatus.InhibitedBy);
        Assert.Equal(["night"], inhibitedStatus.Receivers);
        Assert.Equal(["team"], resolver.Resolve(silenced, Now).Receivers);
    }
}
