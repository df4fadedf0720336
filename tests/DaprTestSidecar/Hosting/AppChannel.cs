using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AirisEpm.DaprTestSidecar.PubSub;

namespace AirisEpm.DaprTestSidecar.Hosting;

/// <summary>
/// The sidecar's connection to its app, as daprd's app channel: every call carries the app API token
/// (dapr-api-token) when one is configured, and a traceparent.
/// </summary>
public sealed class AppChannel(Uri baseUrl, string? appApiToken) : IDisposable
{
    private readonly HttpClient _http = SidecarHttp.Create(baseUrl);

    public Uri BaseUrl => baseUrl;

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(appApiToken))
        {
            request.Headers.Remove("dapr-api-token");
            request.Headers.TryAddWithoutValidation("dapr-api-token", appApiToken);
        }

        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>POSTs a CloudEvent to a subscription route and reads the verdict; 0 when the app is unreachable.</summary>
    public async Task<(int Status, AppVerdict Verdict)> DeliverAsync(string route, JsonObject envelope, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, route.TrimStart('/'))
        {
            Content = new StringContent(envelope.ToJsonString(), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(CloudEventBuilder.ContentType);
        request.Headers.TryAddWithoutValidation("traceparent", TraceContext.ChildOf(envelope["traceparent"]?.GetValue<string>()));
        try
        {
            using var response = await SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return ((int)response.StatusCode, AppVerdicts.From((int)response.StatusCode, body));
        }
        catch (HttpRequestException)
        {
            return (0, AppVerdict.Retry);
        }
    }

    public void Dispose() => _http.Dispose();
}
