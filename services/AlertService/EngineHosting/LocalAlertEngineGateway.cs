using AirisEpm.AlertService.Apis.Models;
using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Silences;
using AirisEpm.ServiceDefaults.Errors;

namespace AirisEpm.AlertService.EngineHosting;

/// <summary>
/// The gateway onto this process's <see cref="AlertEngine"/>. A silence write is in the state store
/// before it answers (one write at a time; one that cannot be saved is undone and answered 503).
/// </summary>
public sealed class LocalAlertEngineGateway(AlertEngine engine, AlertEngineCycle cycle, ListingCache listings, ISilenceStateStore silences)
    : IAlertEngineGateway, IEnginePinger, IDisposable
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _silenceWrites = new(1, 1);

    public Task<bool> PingAsync() => Task.FromResult(engine.IsRestored);

    public Task SubmitAsync(IReadOnlyList<PostedAlert> alerts, CancellationToken cancellationToken) =>
        engine.SubmitAsync(alerts, cancellationToken);

    public async Task<bool> SubmitUnlessStaleAsync(PostedAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (IsStale(alert)) return false;
        await engine.SubmitAsync([alert], cancellationToken);
        return true;
    }

    public Task<List<GettableAlert>> AlertsAsync(AlertListRequest request, CancellationToken cancellationToken)
    {
        var query = Parsed(request);
        var all = listings.GetOrCompute<GettableAlert>(request.Listing, () => [.. engine.Alerts().Where(query.Includes)
            .OrderBy(v => v.Alert.Fingerprint)
            .Select(GettableAlert.From)]);
        return Task.FromResult(all.Skip(request.Skip).Take(request.Take ?? int.MaxValue).ToList());
    }

    /// <summary>
    /// Groups with no alert left after filtering are omitted, as in Alertmanager. A page holds the
    /// groups' alerts from <see cref="AlertListRequest.Skip"/> on, so a big group may span pages.
    /// </summary>
    public Task<List<AlertGroup>> GroupsAsync(AlertListRequest request, CancellationToken cancellationToken)
    {
        var query = Parsed(request with { Unprocessed = true });
        var all = listings.GetOrCompute(request.Listing, () => AllGroups(query));
        return Task.FromResult(AlertPages.Slice(all, request.Skip, request.Take));
    }

    private IReadOnlyList<AlertGroup> AllGroups(AlertQuery query) =>
        engine.Groups()
            .Where(g => query.Receiver is not { } r || r.Matches(g.Receiver))
            .Select(g => new AlertGroup(g.Labels.ToDictionary(), new ReceiverName(g.Receiver),
                [.. g.Alerts.Where(a => query.Includes(a with { Receivers = [g.Receiver] })).OrderBy(a => a.Alert.Fingerprint).Select(GettableAlert.From)]))
            .Where(g => g.Alerts.Count > 0)
            .OrderBy(g => g.Receiver.Name, StringComparer.Ordinal)
            .ThenBy(g => string.Join(',', g.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)), StringComparer.Ordinal)
            .ToList();

    public Task<SilenceWrite> SetSilenceAsync(PostableSilence silence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silence);
        return WriteSilenceAsync(() => engine.SetSilence(silence.ToDomain()), cancellationToken);
    }

    /// <summary>Expires the silence (Alertmanager keeps it, expired, for its retention).</summary>
    public Task<SilenceWrite> ExpireSilenceAsync(string silenceId, CancellationToken cancellationToken) =>
        WriteSilenceAsync(() => engine.ExpireSilence(silenceId), cancellationToken);

    private async Task<SilenceWrite> WriteSilenceAsync(Func<SilenceChange> change, CancellationToken cancellationToken)
    {
        await _silenceWrites.WaitAsync(cancellationToken);
        try
        {
            SilenceChange applied;
            try
            {
                applied = change();
            }
            catch (SilenceException ex)
            {
                return SilenceWrite.From(ex);
            }

            try
            {
                await silences.SaveAsync([.. applied.Changed.Select(s => s.ToRecord())], AlertEngine.PurgeAt, cancellationToken);
            }
            catch (Exception ex)
            {
                // Not saved (or not known to be): memory must not hold what a restart would not.
                engine.RevertSilences(applied);
                if (ex is OperationCanceledException) throw;
                throw new DependencyUnavailableException("The silence could not be saved to the state store; retry shortly.", RetryAfter, ex);
            }

            return new SilenceWrite(applied.Id);
        }
        finally
        {
            _silenceWrites.Release();
        }
    }

    public Task<GettableSilence?> SilenceAsync(string silenceId, CancellationToken cancellationToken) =>
        Task.FromResult(engine.GetSilence(silenceId) is { } silence ? GettableSilence.From(silence, engine.Now) : null);

    /// <summary>
    /// Alertmanager's order: active (soonest end first), then pending (soonest start first), then
    /// expired (latest end first).
    /// </summary>
    public Task<List<GettableSilence>> SilencesAsync(SilenceListRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var matchers = AlertQuery.ParseFilter(request.Filter, errors);
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors.SelectMany(e => e.Value)), nameof(request));
        var now = engine.Now;
        var all = listings.GetOrCompute<GettableSilence>(request.Listing, () => [.. engine.Silences()
            .Where(s => matchers.MatchesAll(LabelsOf(s)))
            .OrderBy(s => s.StateAt(now) switch { SilenceState.Active => 0, SilenceState.Pending => 1, _ => 2 })
            .ThenBy(s => s.StateAt(now) switch
            {
                SilenceState.Active => s.EndsAt.UtcTicks,
                SilenceState.Pending => s.StartsAt.UtcTicks,
                _ => -s.EndsAt.UtcTicks,
            })
            .Select(s => GettableSilence.From(s, now))]);
        return Task.FromResult(all.Skip(request.Skip).Take(request.Take ?? int.MaxValue).ToList());
    }

    public Task ReloadConfigAsync(CancellationToken cancellationToken) => cycle.RefreshConfigAsync(cancellationToken);

    /// <summary>Callers validate first (the API answers 400); here an invalid query is a bug.</summary>
    private static AlertQuery Parsed(AlertListRequest request)
    {
        var (query, errors) = request.Parse();
        return query ?? throw new ArgumentException(string.Join("; ", errors.SelectMany(e => e.Value)), nameof(request));
    }

    private bool IsStale(PostedAlert alert) =>
        alert.EndsAt is { } end && alert.StartsAt is { } start && end > start
        && engine.Find(alert.Labels.Fingerprint) is { } stored
        && stored.IsResolvedAt(engine.Now) && stored.EndsAt >= start;

    public void Dispose() => _silenceWrites.Dispose();

    /// <summary>The label set a silence stands for: its equality matchers (Alertmanager's filter semantics).</summary>
    private static LabelSet LabelsOf(Silence silence) =>
        LabelSet.From(silence.Matchers.Where(m => m.Op == MatchOp.Equal)
            .GroupBy(m => m.Name).Select(g => KeyValuePair.Create(g.Key, g.First().Value)));
}
