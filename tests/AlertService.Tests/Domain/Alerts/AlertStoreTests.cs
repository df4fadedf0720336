using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.PromQl.Model;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.AlertService.Tests.Domain.Alerts;

public sealed class AlertStoreTests
{
    private static readonly LabelSet Labels = LabelSet.From(("alertname", "HighLatency"), ("service", "api"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly AlertStore _store = new();

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void Alert_without_endsAt_resolves_after_resolve_timeout_since_last_update()
    {
        var stored = _store.Put(new PostedAlert(Labels), Now);
        Assert.True(stored.Timeout);
        Assert.Equal(Now + TimeSpan.FromMinutes(5), stored.EndsAt);

        _clock.Advance(TimeSpan.FromMinutes(4));
        var resent = _store.Put(new PostedAlert(Labels), Now);
        Assert.Equal(stored.StartsAt, resent.StartsAt); // merged: earliest start kept
        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.False(resent.IsResolvedAt(Now)); // 8m after first post, 4m after the refresh

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(AlertState.Resolved, resent.StateAt(Now));
    }

    [Fact]
    public void Explicit_resolution_ends_a_firing_alert()
    {
        var start = Now;
        _store.Put(new PostedAlert(Labels, StartsAt: start), Now);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var resolved = _store.Put(new PostedAlert(Labels, StartsAt: start, EndsAt: Now), Now);
        Assert.True(resolved.IsResolvedAt(Now));
        Assert.Single(_store.All);
    }

    [Fact]
    public void Merge_keeps_a_later_explicit_end_over_a_newer_timeout_end()
    {
        var explicitEnd = Now + TimeSpan.FromHours(1);
        var older = new Alert(Labels, LabelSet.Empty, Now, explicitEnd, Now);
        var newer = new Alert(Labels, LabelSet.Empty, Now.AddMinutes(1), Now.AddMinutes(6), Now.AddMinutes(1), Timeout: true);
        var merged = older.Merge(newer, Now.AddMinutes(1));
        Assert.Equal(explicitEnd, merged.EndsAt);
        Assert.Equal(Now, merged.StartsAt);
        Assert.Equal(Now.AddMinutes(1), merged.UpdatedAt);
        Assert.Equal(merged, newer.Merge(older, Now.AddMinutes(1))); // order-independent
    }

    [Fact]
    public void Re_fire_after_resolution_starts_a_new_occurrence()
    {
        _store.Put(new PostedAlert(Labels, EndsAt: Now.AddMinutes(1)), Now);
        _clock.Advance(TimeSpan.FromMinutes(10));
        var again = _store.Put(new PostedAlert(Labels), Now);
        Assert.Equal(Now, again.StartsAt);
    }

    [Fact]
    public void Garbage_collection_drops_alerts_resolved_beyond_retention_and_snapshot_restores()
    {
        _store.Put(new PostedAlert(Labels, EndsAt: Now), Now);
        _store.Put(new PostedAlert(LabelSet.From(("alertname", "Other"))), Now);
        var copy = new AlertStore();
        copy.Restore(_store.Snapshot());
        Assert.Equal(2, copy.Count);

        _clock.Advance(TimeSpan.FromMinutes(34));
        Assert.Single(copy.CollectGarbage(Now)); // only the one resolved at +0m is past retention
        _clock.Advance(TimeSpan.FromMinutes(2));
        var removed = copy.CollectGarbage(Now);
        Assert.Single(removed); // the second timed out at +5m, 31m ago
        Assert.Equal(0, copy.Count);
        Assert.Equal(2, _store.Count);
    }

    [Fact]
    public void Validation_reports_each_problem()
    {
        var bad = new PostedAlert(LabelSet.Empty, StartsAt: Now, EndsAt: Now.AddMinutes(-1));
        Assert.Equal(["labels: at least one label pair required", "endsAt: must not be before startsAt"], bad.Validate());
        Assert.Empty(new PostedAlert(Labels).Validate());
        Assert.Single(new PostedAlert(LabelSet.From(("bad-name", "x"))).Validate());
    }
}
