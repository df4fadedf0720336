using System.Net.Http.Headers;
using System.Security.Claims;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.WebConsole.Auth;
using Dapr;
using Dapr.Client;

namespace AirisEpm.WebConsole.Proxy;

/// <summary>
/// Sends requests to the services through the console's own sidecar (Dapr service invocation: <c>http://{app-id}/path</c>
/// becomes <c>/v1.0/invoke/{app-id}/method/path</c>), each with a short-lived token for that service alone, carrying the
/// signed-in person's name and permissions. The token never leaves the console: the browser holds only its cookie.
/// </summary>
public sealed class ServiceInvoker : IDisposable
{
    private readonly HttpClient _http;
    private readonly ServiceTokenIssuer _tokens;

    public ServiceInvoker(IConfiguration configuration, ServiceTokenIssuer tokens)
    {
        _tokens = tokens;
        Sidecar = DaprDefaults.GetDefaultHttpEndpoint(configuration);
        // No client timeout: Server-Sent Events stay open; callers bound the wait for the headers themselves.
        _http = DaprClient.CreateInvokeHttpClient(null, Sidecar, DaprDefaults.GetDefaultDaprApiToken(configuration));
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>The console's sidecar, for messages that must name it.</summary>
    public string Sidecar { get; }

    public static Uri Address(string appId, string pathAndQuery) => new($"http://{appId}{(pathAndQuery.StartsWith('/') ? "" : "/")}{pathAndQuery}");

    /// <summary>
    /// Sends <paramref name="request"/> (addressed with <see cref="Address"/>) on <paramref name="person"/>'s behalf with
    /// <paramref name="permissions"/> (default: all of the person's), answering once the headers arrived.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, string appId, ClaimsPrincipal person, CancellationToken cancellationToken, IReadOnlyCollection<string>? permissions = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = SessionClaims.NameOf(person) ?? throw new InvalidOperationException("Only a signed-in person's requests are sent to the services.");
        if (await _tokens.TokenForAsync(appId, permissions ?? SessionClaims.PermissionsOf(person), cancellationToken, onBehalfOf: name) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    public void Dispose() => _http.Dispose();
}
