using AirisEpm.ServiceDefaults.Errors;
using Dapr;
using Microsoft.Extensions.Configuration;

namespace AirisEpm.ServiceDefaults.Dapr;

/// <summary>
/// Reads this app's own sidecar's <c>GET /v1.0/metadata</c> (app id, runtime version, components, subscriptions, actors,
/// app connection) as daprd's JSON, unchanged, for the console's Dapr screen. HTTP rather than the SDK's gRPC
/// <c>GetMetadataAsync</c>, because the HTTP shape is the one daprd documents and the console shows.
/// </summary>
public sealed class SidecarMetadata : IDisposable
{
    public const string Path = "v1.0/metadata";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly HttpClient _http;

    public SidecarMetadata(IConfiguration configuration)
    {
        _http = new HttpClient { BaseAddress = new Uri(DaprDefaults.GetDefaultHttpEndpoint(configuration).TrimEnd('/') + "/"), Timeout = Timeout };
        if (DaprDefaults.GetDefaultDaprApiToken(configuration) is { Length: > 0 } token)
        {
            _http.DefaultRequestHeaders.Add("dapr-api-token", token);
        }
    }

    public Uri Sidecar => _http.BaseAddress!;

    /// <summary>The metadata JSON; a sidecar that does not answer, or answers an error, is a <see cref="DependencyUnavailableException"/>.</summary>
    public async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(Path, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new DependencyUnavailableException(
                    $"The Dapr sidecar at {Sidecar} answered {(int)response.StatusCode} to GET /{Path}: {Clip(body)}", RetryAfter);
            }

            return body;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new DependencyUnavailableException($"The Dapr sidecar at {Sidecar} did not answer GET /{Path}: {ex.Message}", RetryAfter, ex);
        }
    }

    public void Dispose() => _http.Dispose();

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
