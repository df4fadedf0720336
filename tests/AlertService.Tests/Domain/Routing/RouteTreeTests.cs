using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Routing;

namespace AirisEpm.AlertService.Tests.Domain.Routing;

public sealed class RouteTreeTests
{
    private static readonly HashSet<string> Receivers = ["default", "db-team", "pager", "audit"];

    private static RouteTree Tree() => RouteTree.Build(
        new RouteConfig
        {
            Receiver = "default",
            GroupBy = ["alertname"],
            GroupWait = TimeSpan.FromSeconds(10),
            Routes =
            [
                new RouteConfig { Receiver = "audit", Continue = true },
                new RouteConfig
                {
                    Matchers = AlertmanagerMatchers.Parse("service=~\"db|cache\""),
                    Receiver = "db-team",
                    GroupBy = ["..."],
                    EscalationPolicy = "db-oncall",
                    Routes = [new RouteConfig { Matchers = AlertmanagerMatchers.Parse("severity=\"critical\""), Receiver = "pager", RepeatInterval = TimeSpan.FromHours(1) }],
                },
                new RouteConfig { Matchers = AlertmanagerMatchers.Parse("service=\"db\""), Receiver = "pager" },
            ],
        },
        Receivers);

    [Fact]
    public void Continue_route_matches_and_search_goes_on_until_first_non_continue_match()
    {
        var routes = Tree().Match(LabelSet.From(("service", "db"), ("severity", "critical")));
        Assert.Equal(["audit", "pager"], routes.Select(r => r.Receiver));
        Assert.Equal("{}/{service=~\"db|cache\"}/1/{severity=\"critical\"}/0", routes[1].Id);
    }

    [Fact]
    public void Parent_matches_itself_when_no_child_matches_and_root_catches_the_rest()
    {
        var tree = Tree();
        Assert.Equal(["audit", "db-team"], tree.Match(LabelSet.From(("service", "cache"))).Select(r => r.Receiver));
        // A continue route that matched is a match: the root is not added (Alertmanager semantics).
        Assert.Equal(["audit"], tree.Match(LabelSet.From(("service", "web"))).Select(r => r.Receiver));
        var plain = RouteTree.Build(new RouteConfig { Receiver = "default", Routes = [new RouteConfig { Matchers = AlertmanagerMatchers.Parse("a=b"), Receiver = "pager" }] }, Receivers);
        Assert.Same(plain.Root, plain.Match(LabelSet.From(("service", "web"))).Single());
    }

    [Fact]
    public void Timing_group_by_and_escalation_are_inherited_down_the_tree()
    {
        var pager = Tree().Match(LabelSet.From(("service", "db"), ("severity", "critical")))[1];
        Assert.Equal(TimeSpan.FromSeconds(10), pager.GroupWait);
        Assert.Equal(RouteDefaults.GroupInterval, pager.GroupInterval);
        Assert.Equal(TimeSpan.FromHours(1), pager.RepeatInterval);
        Assert.True(pager.GroupBy.All);
        Assert.Equal("db-oncall", pager.EscalationPolicy);
        Assert.Equal(RouteDefaults.RepeatInterval, Tree().Root.RepeatInterval);
        Assert.Equal(["alertname"], Tree().Root.GroupBy.Names);
    }

    [Fact]
    public void Validation_reports_unknown_receiver_bad_durations_group_by_and_intervals()
    {
        var config = new RouteConfig
        {
            Receiver = "default",
            Routes =
            [
                new RouteConfig { Receiver = "nobody", GroupInterval = TimeSpan.Zero, GroupBy = ["...", "x"] },
                new RouteConfig { RepeatInterval = TimeSpan.FromMinutes(-1), GroupBy = ["bad-name"], MuteTimeIntervals = ["weekends"] },
            ],
        };
        var ex = Assert.Throws<ConfigException>(() => RouteTree.Build(config, Receivers));
        Assert.Equal(
            [
                "route.routes[0].receiver", "route.routes[0].group_interval", "route.routes[0].group_by",
                "route.routes[1].repeat_interval", "route.routes[1].group_by", "route.routes[1].time_intervals",
            ],
            ex.Errors.Select(e => e.Path));
        Assert.Contains("undefined receiver \"nobody\"", ex.Errors[0].Reason);
    }

    [Fact]
    public void Root_route_rules_are_enforced()
    {
        var ex = Assert.Throws<ConfigException>(() => RouteTree.Build(new RouteConfig { Matchers = AlertmanagerMatchers.Parse("a=b"), Continue = true }, Receivers));
        Assert.Equal(["route.receiver", "route.matchers", "route.continue"], ex.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Named_routes_are_spliced_and_cycles_rejected()
    {
        var named = new Dictionary<string, RouteConfig>
        {
            ["db"] = new() { Receiver = "db-team", Routes = [new RouteConfig { Matchers = AlertmanagerMatchers.Parse("severity=critical"), Receiver = "pager" }] },
            ["a"] = new() { Receiver = "default", Routes = [new RouteConfig { Ref = "b" }] },
            ["b"] = new() { Receiver = "default", Routes = [new RouteConfig { Ref = "a" }] },
        };
        var ok = RouteTree.Build(new RouteConfig { Receiver = "default", Routes = [new RouteConfig { Ref = "db", Matchers = AlertmanagerMatchers.Parse("service=db") }] }, Receivers, null, named);
        Assert.Equal("pager", ok.Match(LabelSet.From(("service", "db"), ("severity", "critical"))).Single().Receiver);

        var ex = Assert.Throws<ConfigException>(() => RouteTree.Build(new RouteConfig { Receiver = "default", Routes = [new RouteConfig { Ref = "a" }] }, Receivers, null, named));
        var cycle = Assert.Single(ex.Errors);
        Assert.Equal("route.routes[0].routes[0].routes[0].ref", cycle.Path);
        Assert.Equal("route cycle: a -> b -> a", cycle.Reason);
    }
}
