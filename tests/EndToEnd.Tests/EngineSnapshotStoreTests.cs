extern alias alert;
using alert::AirisEpm.AlertService.Application;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// The engine snapshot through the sidecar's state API, which (as daprd) refuses a message over
/// 4 MB: a large engine must still save and load whole.
/// </summary>
public sealed class EngineSnapshotStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static EngineSnapshot Snapshot(int alerts, string marker) => new(
        [.. Enumerable.Range(0, alerts).Select(i => new AlertRecord(
            new Dictionary<string, string> { ["alertname"] = $"A{i % 500}", ["service"] = $"svc-{i / 500}", ["instance"] = $"10.0.{i % 250}.{i % 200}:9100" },
            new Dictionary<string, string> { ["summary"] = $"{marker} alert {i} with a summary long enough to look like a real one" },
            Now, Now.AddMinutes(5), Now, $"http://prometheus:9090/graph?g0.expr=up%7Binstance%3D%22{i}%22%7D", false))],
        [new SilenceRecord("s-1", [new MatcherRecord("service", "svc-1", false, true)], Now, Now.AddHours(1), Now, "e2e", marker)],
        [.. Enumerable.Range(0, 300).Select(g => new GroupRecord($"{{}}:{{alertname=\"A{g}\"}}", [$"{g:x16}"], [], Now))],
        Now);

    [Fact]
    public async Task A_snapshot_far_over_the_4_MB_message_limit_saves_and_loads_whole_and_the_newest_save_wins()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = PlatformFixture.DaprClientOf(await env.Mesh.StartSidecarAsync(AppIds.AlertService));
        var store = new DaprEngineStateStore(dapr);

        await store.SaveAsync(Snapshot(30_000, "first"), Http.Ct);
        await store.SaveAsync(Snapshot(25_000, "second"), Http.Ct);
        var loaded = await store.LoadAsync(Http.Ct);

        Assert.NotNull(loaded);
        Assert.Equal((25_000, 1, 300), (loaded.Alerts.Count, loaded.Silences.Count, loaded.Groups.Count));
        Assert.Equal("second alert 24999 with a summary long enough to look like a real one", loaded.Alerts[^1].Annotations["summary"]);
        Assert.Equal("second", loaded.Silences[0].Comment);
        Assert.Equal(["A0", "A1"], loaded.Alerts.Take(2).Select(a => a.Labels["alertname"]));
    }

    [Fact]
    public async Task A_snapshot_saved_whole_under_the_old_single_key_is_still_loaded()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = PlatformFixture.DaprClientOf(await env.Mesh.StartSidecarAsync(AppIds.AlertService));
        await dapr.SaveStateAsync(DaprComponents.StateStore, "alert-engine", Snapshot(10, "legacy"), cancellationToken: Http.Ct);

        var loaded = await new DaprEngineStateStore(dapr).LoadAsync(Http.Ct);

        Assert.Equal(10, loaded!.Alerts.Count);
        Assert.Equal("legacy", loaded.Silences[0].Comment);
    }
}
