namespace AirisEpm.DaprTestSidecar.Hosting;

/// <summary>
/// HttpClients of the sidecar itself. They send the traceparent the sidecar computed, as daprd
/// does; without this, any ActivityListener in the test process (the services' OpenTelemetry)
/// would make HttpClient add its own traceparent for the sidecar's outgoing calls.
/// </summary>
internal static class SidecarHttp
{
    public static HttpClient Create(Uri? baseAddress = null) =>
        new(new SocketsHttpHandler { ActivityHeadersPropagator = null })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
}
