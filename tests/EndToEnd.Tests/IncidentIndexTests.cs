extern alias alert;
using alert::AirisEpm.AlertService.Incidents;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// The incident index through the sidecar's state API: the listing keeps the newest 1,000, but a group finds its open
/// incident by its key however many newer ones opened since, and no longer once it resolved.
/// </summary>
public sealed class IncidentIndexTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static IncidentSummary Opened(int i, params string[] groups) =>
        new(IncidentIds.IncidentId(IncidentIds.ActorIdFor(groups[0]), T0.AddSeconds(i)), groups[0], $"incident {i}", IncidentStatus.Triggered,
            T0.AddSeconds(i), null, "page", groups);

    [Fact]
    public async Task An_open_incident_older_than_the_newest_1000_is_still_found_by_its_groups_and_not_once_resolved()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = PlatformFixture.DaprClientOf(await env.Mesh.StartSidecarAsync(AppIds.AlertService));
        var index = new DaprIncidentIndex(dapr);
        var oldest = Opened(0, "g-0", "g-companion");
        await index.UpsertAsync(oldest, Http.Ct);
        for (var i = 1; i <= DaprIncidentIndex.Capacity + 10; i++)
        {
            await index.UpsertAsync(Opened(i, $"g-{i}"), Http.Ct);
        }

        var listed = await index.ListAsync(Http.Ct);
        Assert.Equal(DaprIncidentIndex.Capacity, listed.Count);
        Assert.DoesNotContain(listed, s => s.Id == oldest.Id);

        Assert.Equal([oldest.Id], (await index.OpenHoldingAsync(["g-companion"], Http.Ct)).Select(o => o.Id));
        var both = await index.OpenHoldingAsync(["g-0", "g-1005", "g-never"], Http.Ct);
        Assert.Equal(new[] { oldest.Id, Opened(1005, "g-1005").Id }.Order(StringComparer.Ordinal), both.Select(o => o.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["g-0", "g-companion"], both.Single(o => o.Id == oldest.Id).Groups);

        // A group joining is found too; acknowledging keeps the incident open; resolving removes it and its pointers.
        await index.UpsertAsync(oldest with { Groups = ["g-0", "g-companion", "g-late"], Status = IncidentStatus.Acknowledged }, Http.Ct);
        Assert.Equal([oldest.Id], (await index.OpenHoldingAsync(["g-late"], Http.Ct)).Select(o => o.Id));
        await index.UpsertAsync(oldest with { Groups = ["g-0", "g-companion", "g-late"], Status = IncidentStatus.Resolved }, Http.Ct);
        Assert.Empty(await index.OpenHoldingAsync(["g-0", "g-companion", "g-late"], Http.Ct));
        Assert.Null(await dapr.GetStateAsync<List<string>>(DaprComponents.StateStore, "incident-group-" + IncidentIds.ActorIdFor("g-late"), cancellationToken: Http.Ct));
        Assert.Null(await dapr.GetStateAsync<IncidentSummary>(DaprComponents.StateStore, "incident-open-" + oldest.Id, cancellationToken: Http.Ct));
    }
}
