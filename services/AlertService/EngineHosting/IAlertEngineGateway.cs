using AirisEpm.AlertService.Apis.Models;
using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Alerts;

namespace AirisEpm.AlertService.EngineHosting;

/// <summary>
/// Everything the APIs, the event subscriptions and the rule actors ask of the alert engine, in
/// API terms. One engine serves the whole service: in-process (<see cref="LocalAlertEngineGateway"/>)
/// or, with several replicas, behind the one <see cref="AlertEngineActor"/> Dapr placement activates
/// (<see cref="ActorAlertEngineGateway"/>), so alerts are grouped and paged once, not once per replica.
/// </summary>
public interface IAlertEngineGateway : IAlertIntake
{
    /// <summary>
    /// Submits one alert from a firing/resolved event unless it is stale: a firing event that
    /// started before the stored alert was resolved is a late delivery. False when ignored.
    /// </summary>
    Task<bool> SubmitUnlessStaleAsync(PostedAlert alert, CancellationToken cancellationToken);

    Task<List<GettableAlert>> AlertsAsync(AlertListRequest request, CancellationToken cancellationToken);

    Task<List<AlertGroup>> GroupsAsync(AlertListRequest request, CancellationToken cancellationToken);

    Task<SilenceWrite> SetSilenceAsync(PostableSilence silence, CancellationToken cancellationToken);

    Task<SilenceWrite> ExpireSilenceAsync(string silenceId, CancellationToken cancellationToken);

    Task<GettableSilence?> SilenceAsync(string silenceId, CancellationToken cancellationToken);

    /// <summary>Has the engine apply the stored routing configuration now, not at its next refresh.</summary>
    Task ReloadConfigAsync(CancellationToken cancellationToken);

    /// <summary>Silences whose equality matchers satisfy the request's filter, in Alertmanager's order.</summary>
    Task<List<GettableSilence>> SilencesAsync(SilenceListRequest request, CancellationToken cancellationToken);
}
