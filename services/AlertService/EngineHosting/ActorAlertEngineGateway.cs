using AirisEpm.AlertService.Apis.Models;
using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.ServiceDefaults.Errors;
using Dapr.Actors.Client;

namespace AirisEpm.AlertService.EngineHosting;

/// <summary>
/// The gateway onto the service's one <see cref="AlertEngineActor"/>, wherever it is active. When the
/// actor does not answer (sidecar down, placement moving it, its state store unreachable), the
/// caller gets <see cref="DependencyUnavailableException"/>: a 503 with Retry-After to an API client,
/// a retried delivery to pub/sub, a repeated evaluation to a rule actor.
/// </summary>
public sealed class ActorAlertEngineGateway(IActorProxyFactory actors) : IAlertEngineGateway, IEnginePinger
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public Task<bool> PingAsync() => CallAsync(e => e.PingAsync());

    /// <summary>In pages too: a client may post more alerts at once than fit in one message between sidecars.</summary>
    public async Task SubmitAsync(IReadOnlyList<PostedAlert> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        foreach (var page in alerts.Chunk(AlertPages.Size))
        {
            await CallAsync(async e => { await e.SubmitAsync([.. page.Select(PostableAlert.From)]); return true; });
        }
    }

    public Task<bool> SubmitUnlessStaleAsync(PostedAlert alert, CancellationToken cancellationToken) =>
        CallAsync(e => e.SubmitUnlessStaleAsync(PostableAlert.From(alert)));

    public Task<List<GettableAlert>> AlertsAsync(AlertListRequest request, CancellationToken cancellationToken)
    {
        var listing = request with { Listing = NewListing(), Take = AlertPages.Size };
        return AllPagesAsync((e, skip) => e.AlertsAsync(listing with { Skip = skip }), a => a.Fingerprint);
    }

    public async Task<List<AlertGroup>> GroupsAsync(AlertListRequest request, CancellationToken cancellationToken)
    {
        var groups = new List<AlertGroup>();
        var seen = new HashSet<(string, string)>();
        var listing = request with { Listing = NewListing(), Take = AlertPages.Size };
        for (var skip = 0; ; skip += AlertPages.Size)
        {
            var page = await CallAsync(e => e.GroupsAsync(listing with { Skip = skip }));
            AlertPages.Append(groups, page, seen);
            if (AlertPages.AlertCount(page) < AlertPages.Size) return groups;
        }
    }

    public Task<SilenceWrite> SetSilenceAsync(PostableSilence silence, CancellationToken cancellationToken) =>
        CallAsync(e => e.SetSilenceAsync(silence));

    public Task<SilenceWrite> ExpireSilenceAsync(string silenceId, CancellationToken cancellationToken) =>
        CallAsync(e => e.ExpireSilenceAsync(silenceId));

    public Task<GettableSilence?> SilenceAsync(string silenceId, CancellationToken cancellationToken) =>
        CallAsync(e => e.SilenceAsync(silenceId));

    public Task<List<GettableSilence>> SilencesAsync(SilenceListRequest request, CancellationToken cancellationToken)
    {
        var listing = request with { Listing = NewListing(), Take = AlertPages.Size };
        return AllPagesAsync((e, skip) => e.SilencesAsync(listing with { Skip = skip }), s => s.Id);
    }

    private static string NewListing() => Guid.NewGuid().ToString("N");

    public Task ReloadConfigAsync(CancellationToken cancellationToken) =>
        CallAsync(async e => { await e.ReloadConfigAsync(); return true; });

    /// <summary>Reads page after page until a short one; an item a change shifted onto the next page is kept once.</summary>
    private async Task<List<T>> AllPagesAsync<T>(Func<IAlertEngineActor, int, Task<List<T>>> read, Func<T, string> key)
    {
        var items = new List<T>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var skip = 0; ; skip += AlertPages.Size)
        {
            var page = await CallAsync(e => read(e, skip));
            items.AddRange(page.Where(item => seen.Add(key(item))));
            if (page.Count < AlertPages.Size) return items;
        }
    }

    private async Task<T> CallAsync<T>(Func<IAlertEngineActor, Task<T>> call)
    {
        try
        {
            return await call(JsonActorProxy.Create<IAlertEngineActor>(actors, AlertEngineActor.SingletonId, nameof(AlertEngineActor)));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DependencyUnavailableException("The alert engine did not answer; retry shortly.", RetryAfter, ex);
        }
    }
}
