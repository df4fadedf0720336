using AirisEpm.AlertService.Apis.Models;
using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Alerts;
using Dapr.Actors.Client;

namespace AirisEpm.AlertService.EngineHosting;

/// <summary>The gateway onto the service's one <see cref="AlertEngineActor"/>, wherever it is active.</summary>
public sealed class ActorAlertEngineGateway(IActorProxyFactory actors) : IAlertEngineGateway, IEnginePinger
{
    private IAlertEngineActor Engine =>
        JsonActorProxy.Create<IAlertEngineActor>(actors, AlertEngineActor.SingletonId, nameof(AlertEngineActor));

    public Task<bool> PingAsync() => Engine.PingAsync();

    public Task SubmitAsync(IReadOnlyList<PostedAlert> alerts, CancellationToken cancellationToken) =>
        Engine.SubmitAsync([.. alerts.Select(PostableAlert.From)]);

    public Task<bool> SubmitUnlessStaleAsync(PostedAlert alert, CancellationToken cancellationToken) =>
        Engine.SubmitUnlessStaleAsync(PostableAlert.From(alert));

    public Task<List<GettableAlert>> AlertsAsync(AlertListRequest request, CancellationToken cancellationToken) =>
        Engine.AlertsAsync(request);

    public Task<List<AlertGroup>> GroupsAsync(AlertListRequest request, CancellationToken cancellationToken) =>
        Engine.GroupsAsync(request);

    public Task<SilenceWrite> SetSilenceAsync(PostableSilence silence, CancellationToken cancellationToken) =>
        Engine.SetSilenceAsync(silence);

    public Task<SilenceWrite> ExpireSilenceAsync(string silenceId, CancellationToken cancellationToken) =>
        Engine.ExpireSilenceAsync(silenceId);

    public Task<GettableSilence?> SilenceAsync(string silenceId, CancellationToken cancellationToken) =>
        Engine.SilenceAsync(silenceId);

    public Task<List<GettableSilence>> SilencesAsync(string[]? filter, CancellationToken cancellationToken) =>
        Engine.SilencesAsync(filter);

    public Task ReloadConfigAsync(CancellationToken cancellationToken) => Engine.ReloadConfigAsync();
}
