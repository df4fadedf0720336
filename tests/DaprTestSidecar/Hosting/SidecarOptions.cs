namespace AirisEpm.DaprTestSidecar.Hosting;

/// <summary>Per-sidecar settings, as daprd's command line and environment.</summary>
public sealed class SidecarOptions
{
    /// <summary>DAPR_API_TOKEN: when set, the app must send it (dapr-api-token) on every call but health checks.</summary>
    public string? DaprApiToken { get; set; }

    /// <summary>APP_API_TOKEN: when set, the sidecar sends it to the app (dapr-api-token) on every callback.</summary>
    public string? AppApiToken { get; set; }
}
