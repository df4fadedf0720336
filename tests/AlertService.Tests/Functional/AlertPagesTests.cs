using AirisEpm.AlertService.Apis.Models;
using AirisEpm.AlertService.EngineHosting;

namespace AirisEpm.AlertService.Tests.Functional;

public sealed class AlertPagesTests
{
    private static GettableAlert Alert(string fingerprint) => new(
        new Dictionary<string, string>(), DateTimeOffset.UnixEpoch, fingerprint, [], DateTimeOffset.UnixEpoch,
        new AlertStatus([], [], "active"), DateTimeOffset.UnixEpoch, "", new Dictionary<string, string> { ["fp"] = fingerprint });

    private static AlertGroup Group(string name, params string[] fingerprints) =>
        new(new Dictionary<string, string> { ["alertname"] = name }, new ReceiverName("oncall"), [.. fingerprints.Select(Alert)]);

    private static readonly AlertGroup[] Groups = [Group("A", "1", "2", "3"), Group("B", "4"), Group("C", "5", "6", "7", "8")];

    [Fact]
    public void Pages_cut_groups_by_alert_and_put_back_together_give_the_groups_whole()
    {
        var merged = new List<AlertGroup>();
        var seen = new HashSet<(string, string)>();
        for (var skip = 0; skip < 8; skip += 3)
        {
            AlertPages.Append(merged, AlertPages.Slice(Groups, skip, 3), seen);
        }

        Assert.Equal(["A:1,2,3", "B:4", "C:5,6,7,8"], merged.Select(g => $"{g.Labels["alertname"]}:{string.Join(',', g.Alerts.Select(a => a.Fingerprint))}"));
    }

    [Fact]
    public void A_page_holds_exactly_the_alerts_of_its_range()
    {
        var page = AlertPages.Slice(Groups, 2, 3);

        Assert.Equal(["A:3", "B:4", "C:5"], page.Select(g => $"{g.Labels["alertname"]}:{string.Join(',', g.Alerts.Select(a => a.Fingerprint))}"));
        Assert.Equal(3, AlertPages.AlertCount(page));
        Assert.Equal(8, AlertPages.AlertCount(AlertPages.Slice(Groups, 0, null)));
    }

    [Fact]
    public void An_alert_shifted_onto_the_next_page_by_a_change_in_between_is_not_listed_twice()
    {
        var merged = new List<AlertGroup>();
        var seen = new HashSet<(string, string)>();

        AlertPages.Append(merged, [Group("A", "1", "2")], seen);
        AlertPages.Append(merged, [Group("A", "2", "3")], seen);

        Assert.Equal(["1", "2", "3"], Assert.Single(merged).Alerts.Select(a => a.Fingerprint));
    }
}
