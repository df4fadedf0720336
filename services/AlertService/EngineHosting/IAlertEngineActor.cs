using AirisEpm.AlertService.Apis.Models;
using Dapr.Actors;

namespace AirisEpm.AlertService.EngineHosting;

/// <summary>
/// The alert engine as a Dapr actor: <see cref="IAlertEngineGateway"/> in one-argument, serialisable
/// form. List methods answer one page (see <see cref="AlertPages"/>).
/// </summary>
public interface IAlertEngineActor : IActor
{
    /// <summary>Activates the actor wherever placement puts it; true once its engine holds the saved state.</summary>
    Task<bool> PingAsync();

    Task SubmitAsync(List<PostableAlert> alerts);

    Task<bool> SubmitUnlessStaleAsync(PostableAlert alert);

    Task<List<GettableAlert>> AlertsAsync(AlertListRequest request);

    Task<List<AlertGroup>> GroupsAsync(AlertListRequest request);

    Task<SilenceWrite> SetSilenceAsync(PostableSilence silence);

    Task<SilenceWrite> ExpireSilenceAsync(string silenceId);

    Task<GettableSilence?> SilenceAsync(string silenceId);

    Task<List<GettableSilence>> SilencesAsync(SilenceListRequest request);

    Task ReloadConfigAsync();
}
