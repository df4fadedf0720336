using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using Dapr;
using Dapr.Client;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// Counts through log-service's search (<c>/api/v1/logs/search?limit=1</c>: its total) by Dapr
/// service invocation, with a service token for log-service only. A refused query (400) names the
/// problem; every way of not getting an answer becomes a <see cref="LogQueryFailedException"/>.
/// </summary>
public sealed class DaprLogCountClient : ILogCountClient, IDisposable
{
    private static readonly string[] QueryPermissions = [Permissions.LogsRead];
    private readonly HttpClient _http;
    private readonly ServiceTokenIssuer _tokens;
    private readonly SemaphoreSlim _inFlight;

    public DaprLogCountClient(IConfiguration configuration, ServiceTokenIssuer tokens, IOptions<RuleEvaluationOptions> options)
    {
        _tokens = tokens;
        _http = DaprClient.CreateInvokeHttpClient(AppIds.LogService, DaprDefaults.GetDefaultHttpEndpoint(configuration), DaprDefaults.GetDefaultDaprApiToken(configuration));
        _http.Timeout = options.Value.QueryTimeout;
        _inFlight = new SemaphoreSlim(options.Value.MaxConcurrentQueries);
    }

    public async Task<LogCount> CountAsync(string query, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture,
            $"/api/v1/logs/search?limit=1&q={Uri.EscapeDataString(query)}&start={start.ToUnixTimeMilliseconds()}&end={end.ToUnixTimeMilliseconds()}");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        await _inFlight.WaitAsync(cancellationToken);
        try
        {
            if (await _tokens.TokenForAsync(AppIds.LogService, QueryPermissions, cancellationToken) is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await _http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                throw new LogQueryFailedException($"log-service refused the query: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }

            if (!response.IsSuccessStatusCode) throw new LogQueryFailedException($"log-service answered {(int)response.StatusCode} {response.ReasonPhrase}");
            var body = await response.Content.ReadFromJsonAsync<SearchTotal>(JsonSerializerOptions.Web, cancellationToken)
                       ?? throw new LogQueryFailedException("log-service answered an empty body");
            return new LogCount(body.Total, body.TotalIsLowerBound);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LogQueryFailedException($"log-service did not answer within {_http.Timeout.TotalSeconds:0.#} s", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            throw new LogQueryFailedException($"log-service unreachable or unreadable: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is DaprException or KeyNotFoundException or FormatException)
        {
            throw new LogQueryFailedException($"no service token: the signing key '{AuthOptions.SigningKeySecretName}' could not be read ({ex.Message})", ex);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _inFlight.Dispose();
    }

    private sealed record SearchTotal(long Total, bool TotalIsLowerBound);
}
