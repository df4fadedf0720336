using Dapr;

namespace AirisEpm.MetricsService.Scraping;

/// <summary>
/// This app's own Dapr sidecar, as DaprClient finds it (DAPR_HTTP_ENDPOINT or DAPR_HTTP_PORT, DAPR_API_TOKEN), for
/// scraping other apps through Dapr service invocation: it works wherever the apps run (dapr run, compose, Kubernetes)
/// without knowing their addresses.
/// </summary>
public sealed record SidecarEndpoint(Uri HttpEndpoint, string? ApiToken)
{
    public static SidecarEndpoint From(IConfiguration configuration) =>
        new(new Uri(DaprDefaults.GetDefaultHttpEndpoint(configuration)),
            DaprDefaults.GetDefaultDaprApiToken(configuration) is { Length: > 0 } token ? token : null);

    /// <summary><c>http://127.0.0.1:3501/v1.0/invoke/log-service/method/metrics</c>.</summary>
    public string InvokeUrl(string appId, string path) =>
        new Uri(HttpEndpoint, $"/v1.0/invoke/{Uri.EscapeDataString(appId)}/method/{path.TrimStart('/')}").ToString();
}
