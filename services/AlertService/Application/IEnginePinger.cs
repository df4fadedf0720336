namespace AirisEpm.AlertService.Application;

/// <summary>Keeps the engine actor active somewhere (see <see cref="AlertEngineOptions.EnginePingInterval"/>).</summary>
public interface IEnginePinger
{
    /// <summary>True once the engine holds its saved state.</summary>
    Task<bool> PingAsync();
}
