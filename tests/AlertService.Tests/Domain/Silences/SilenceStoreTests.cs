using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Silences;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.AlertService.Tests.Domain.Silences;

public sealed class SilenceStoreTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private int _ids;
    private readonly SilenceStore _store;

    public SilenceStoreTests() => _store = new SilenceStore(() => $"s{++_ids}");

    private DateTimeOffset Now => _clock.GetUtcNow();

    private SilenceRequest Request(string matchers, TimeSpan? startIn = null, TimeSpan? length = null, string? id = null) =>
        new(AlertmanagerMatchers.Parse(matchers), Now + (startIn ?? TimeSpan.Zero), Now + (startIn ?? TimeSpan.Zero) + (length ?? TimeSpan.FromHours(1)), "ops", "maintenance", id);

    [Fact]
    public void Regex_silence_mutes_matching_alerts_while_active()
    {
        var id = _store.Set(Request("{service=~\"api|web\", severity!=\"info\"}", startIn: TimeSpan.FromMinutes(10)), Now);
        var api = LabelSet.From(("service", "api"), ("severity", "critical"));
        Assert.Equal(SilenceState.Pending, _store.All.Single().StateAt(Now));
        Assert.Empty(_store.SilencedBy(api, Now));

        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal([id], _store.SilencedBy(api, Now));
        Assert.Empty(_store.SilencedBy(LabelSet.From(("service", "apix"), ("severity", "critical")), Now)); // anchored
        Assert.Empty(_store.SilencedBy(LabelSet.From(("service", "api"), ("severity", "info")), Now));

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(SilenceState.Expired, _store.All.Single().StateAt(Now));
        Assert.Empty(_store.SilencedBy(api, Now));
    }

    [Theory]
    [InlineData("{}", "matchers", "at least one matcher is required")]
    [InlineData("{env=~\".*\"}", "matchers", "must not match the empty string")]
    [InlineData("{env=\"\", team!=\"x\"}", "matchers", "must not match the empty string")]
    public void Rejects_matchers_Alertmanager_rejects(string matchers, string field, string reason)
    {
        var ex = Assert.Throws<SilenceException>(() => _store.Set(Request(matchers), Now));
        Assert.Equal(SilenceFailure.Invalid, ex.Kind);
        Assert.Contains(ex.Errors, e => e.Field == field && e.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_end_before_start_and_missing_author()
    {
        var request = Request("{a=\"b\"}") with { EndsAt = Now.AddMinutes(-5), CreatedBy = "" };
        var errors = request.Validate(Now);
        Assert.Equal(["endsAt", "endsAt", "createdBy"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Update_keeps_id_when_only_end_changes_and_replaces_when_matchers_change()
    {
        var id = _store.Set(Request("{a=\"b\"}"), Now);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var original = _store.All.Single();
        var extended = _store.Set(new SilenceRequest(original.Matchers, original.StartsAt, Now.AddHours(3), "ops", "longer", id), Now);
        Assert.Equal(id, extended);

        var replaced = _store.Set(Request("{a=\"c\"}", id: id), Now);
        Assert.NotEqual(id, replaced);
        Assert.True(_store.TryGet(id, out var old));
        Assert.Equal(SilenceState.Expired, old.StateAt(Now));
        Assert.Equal(SilenceFailure.NotFound, Assert.Throws<SilenceException>(() => _store.Set(Request("{a=\"b\"}", id: "nope"), Now)).Kind);
    }

    [Fact]
    public void Expire_ends_silence_and_refuses_twice()
    {
        var id = _store.Set(Request("{a=\"b\"}", startIn: TimeSpan.FromHours(1)), Now);
        var expired = _store.Expire(id, Now);
        Assert.Equal((Now, Now), (expired.StartsAt, expired.EndsAt));
        Assert.Equal(SilenceFailure.AlreadyExpired, Assert.Throws<SilenceException>(() => _store.Expire(id, Now)).Kind);

        _clock.Advance(TimeSpan.FromHours(121));
        Assert.Equal(1, _store.CollectGarbage(Now));
    }

    [Fact]
    public void Creation_with_past_start_starts_now()
    {
        var request = Request("{a=\"b\"}") with { StartsAt = Now.AddHours(-1) };
        var id = _store.Set(request, Now);
        Assert.True(_store.TryGet(id, out var silence));
        Assert.Equal(Now, silence.StartsAt);
    }
}
