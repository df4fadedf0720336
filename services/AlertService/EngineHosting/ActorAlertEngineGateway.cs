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

    public Task SubmitAsync(IReadOnlyList<PostedAlert> alerts, CancellationToken cancellationToken) =>
        CallAsync(async e => { await e.SubmitAsync([.. alerts.Select(PostableAlert.From)]); return true; });

    public Task<bool> SubmitUnlessStaleAsync(PostedAlert alert, CancellationToken cancellationToken) =>
        CallAsync(e => e.SubmitUnlessStaleAsync(PostableAlert.From(alert)));

    public Task<List<GettableAlert>> AlertsAsync(AlertListRequest request, CancellationToken cancellationToken) =>
        CallAsync(e => e.AlertsAsync(request));

    public Task<List<AlertGroup>> GroupsAsync(AlertListRequest request, CancellationToken cancellationToken) =>
        CallAsync(e => e.GroupsAsync(request));

    public Task<SilenceWrite> SetSilenceAsync(PostableSilence silence, CancellationToken cancellationToken) =>
        CallAsync(e => e.SetSilenceAsync(silence));

    public Task<SilenceWrite> ExpireSilenceAsync(string silenceId, CancellationToken cancellationToken) =>
        CallAsync(e => e.ExpireSilenceAsync(silenceId));

    public Task<GettableSilence?> SilenceAsync(string silenceId, CancellationToken cancellationToken) =>
        CallAsync(e => e.SilenceAsync(silenceId));

    public Task<List<GettableSilence>> SilencesAsync(string[]? filter, CancellationToken cancellationToken) =>
        CallAsync(e => e.SilencesAsync(filter));

    public Task ReloadConfigAsync(CancellationToken cancellationToken) =>
        CallAsync(async e => { await e.ReloadConfigAsync(); return true; });

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
