namespace AirisEpm.DaprTestSidecar.Hosting;

/// <summary>Per-sidecar settings, as daprd's command line and environment.</summary>
public sealed class SidecarOptions
{
    /// <summary>DAPR_API_TOKEN: when set, the app must send it (dapr-api-token) on every call but health checks.</summary>
    public string? DaprApiToken { get; set; }

    /// <summary>APP_API_TOKEN: when set, the sidecar sends it to the app (dapr-api-token) on every callback.</summary>
    public string? AppApiToken { get; set; }

    /// <summary>
    /// daprd's <c>--config</c>: a Configuration file, absolute or relative to the mesh's base directory (the
    /// repository root), e.g. "components/config/local.yaml". Only its <c>spec.secrets.scopes</c> is applied.
    /// Default: none, so every secret is allowed.
    /// </summary>
    public string? ConfigFile { get; set; }

    /// <summary>daprd's app health check flags, reported in the metadata (the double does not probe); null: off.</summary>
    public AppHealthCheck? AppHealthCheck { get; set; }
}
