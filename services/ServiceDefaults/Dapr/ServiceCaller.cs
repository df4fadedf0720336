using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Security;
using Dapr;
using Dapr.Client;
using Microsoft.Extensions.Configuration;

namespace AirisEpm.ServiceDefaults.Dapr;

/// <summary>
/// Calls one other AIRIS service through this service's Dapr sidecar (<see cref="DaprClient.CreateInvokeHttpClient"/>
/// addresses the app id; the sidecar resolves it and applies resiliency.yaml), on this service's own behalf: each call
/// carries a short-lived token for that service alone with just the permissions the call needs. At most
/// <c>maxConcurrent</c> calls are in flight. Every way of not getting an answer is a <see cref="ServiceCallException"/>.
/// </summary>
public sealed class ServiceCaller : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals
                         | System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    private readonly HttpClient _http;
    private readonly ServiceTokenIssuer _tokens;
    private readonly SemaphoreSlim _inFlight;

    public ServiceCaller(string appId, IConfiguration configuration, ServiceTokenIssuer tokens, TimeSpan timeout, int maxConcurrent)
    {
        AppId = appId;
        _tokens = tokens;
        _http = DaprClient.CreateInvokeHttpClient(appId, DaprDefaults.GetDefaultHttpEndpoint(configuration), DaprDefaults.GetDefaultDaprApiToken(configuration));
        _http.Timeout = timeout;
        _inFlight = new SemaphoreSlim(maxConcurrent);
    }

    public string AppId { get; }

    /// <summary>GETs <paramref name="pathAndQuery"/> and reads the JSON answer (web defaults, numbers also from strings).</summary>
    public Task<T> GetJsonAsync<T>(string pathAndQuery, IReadOnlyCollection<string> permissions, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, pathAndQuery), permissions, ReadJsonAsync<T>, cancellationToken);

    /// <summary>POSTs <paramref name="body"/> as JSON; a 2xx answer is all it needs.</summary>
    public Task PostJsonAsync<TBody>(string path, TBody body, IReadOnlyCollection<string> permissions, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: JsonSerializerOptions.Web) }, permissions, (_, _) => Task.FromResult(true), cancellationToken);

    /// <summary>POSTs the body <paramref name="content"/> builds (once per attempt: it is disposed with its request); a 2xx answer is all it needs.</summary>
    public Task PostAsync(string path, Func<HttpContent> content, IReadOnlyCollection<string> permissions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        return SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path) { Content = content() }, permissions, (_, _) => Task.FromResult(true), cancellationToken);
    }

    public void Dispose()
    {
        _http.Dispose();
        _inFlight.Dispose();
    }

    private async Task<T> SendAsync<T>(
        Func<HttpRequestMessage> create, IReadOnlyCollection<string> permissions, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        using var request = create();
        await _inFlight.WaitAsync(cancellationToken);
        try
        {
            if (await _tokens.TokenForAsync(AppId, permissions, cancellationToken) is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await _http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var detail = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new ServiceCallException(
                    $"{AppId} answered {(int)response.StatusCode} {response.ReasonPhrase}{(detail.Length > 0 ? ": " + Clip(detail) : "")}", (int)response.StatusCode);
            }

            return await read(response, cancellationToken);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServiceCallException($"{AppId} did not answer within {_http.Timeout.TotalSeconds:0.#} s", inner: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ServiceCallException($"{AppId} unreachable: {ex.Message}", inner: ex);
        }
        catch (JsonException ex)
        {
            throw new ServiceCallException($"{AppId} answered an unreadable body: {ex.Message}", inner: ex);
        }
        catch (Exception ex) when (ex is DaprException or KeyNotFoundException or FormatException)
        {
            throw new ServiceCallException($"no token to call {AppId}: the signing key '{AuthOptions.SigningKeySecretName}' could not be read ({ex.Message})", inner: ex);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
        ?? throw new ServiceCallException($"{AppId} answered an empty body");

    private static string Clip(string text) => text.Length > 500 ? text[..500] + "…" : text;
}
