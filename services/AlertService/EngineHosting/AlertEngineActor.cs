using AirisEpm.AlertService.Apis.Models;
using Dapr.Actors.Runtime;

namespace AirisEpm.AlertService.EngineHosting;

/// <summary>
/// The one alert engine of the service. Dapr placement activates this actor (id
/// <see cref="SingletonId"/>) on exactly one replica: there it takes the engine over from the state
/// store and that replica's worker flushes groups and pages; every replica sends its alerts and
/// queries here. Moved elsewhere (scale-in, rebalancing), it saves and hands the engine over.
/// </summary>
public sealed class AlertEngineActor(ActorHost host, EngineOwnership ownership, LocalAlertEngineGateway engine)
    : Actor(host), IAlertEngineActor
{
    public const string SingletonId = "primary";

    private static CancellationToken None => CancellationToken.None;

    protected override Task OnActivateAsync() => ownership.TakeOverAsync(None);

    protected override Task OnDeactivateAsync() => ownership.HandOverAsync(None);

    public Task<bool> PingAsync() => Task.FromResult(ownership.IsOwner);

    public Task SubmitAsync(List<PostableAlert> alerts) => engine.SubmitAsync([.. alerts.Select(a => a.ToDomain())], None);

    public Task<bool> SubmitUnlessStaleAsync(PostableAlert alert) => engine.SubmitUnlessStaleAsync(alert.ToDomain(), None);

    public Task<List<GettableAlert>> AlertsAsync(AlertListRequest request) => engine.AlertsAsync(request, None);

    public Task<List<AlertGroup>> GroupsAsync(AlertListRequest request) => engine.GroupsAsync(request, None);

    public Task<SilenceWrite> SetSilenceAsync(PostableSilence silence) => engine.SetSilenceAsync(silence, None);

    public Task<SilenceWrite> ExpireSilenceAsync(string silenceId) => engine.ExpireSilenceAsync(silenceId, None);

    public Task<GettableSilence?> SilenceAsync(string silenceId) => engine.SilenceAsync(silenceId, None);

    public Task<List<GettableSilence>> SilencesAsync(SilenceListRequest request) => engine.SilencesAsync(request, None);

    public Task ReloadConfigAsync() => engine.ReloadConfigAsync(None);
}
