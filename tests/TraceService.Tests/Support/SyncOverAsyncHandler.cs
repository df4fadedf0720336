namespace AirisEpm.TraceService.Tests.Support;

/// <summary>
/// Lets a client that sends synchronously (the OpenTelemetry exporters call <c>HttpClient.Send</c>) use the
/// in-memory test server, whose handler only sends asynchronously. Test plumbing only: the bytes on the
/// wire are the exporter's own.
/// </summary>
public sealed class SyncOverAsyncHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();
}
