using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using Dapr;
using Dapr.Client;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// Queries metrics-service through Dapr service invocation (<see cref="DaprClient.CreateInvokeHttpClient"/>
/// addresses the app id; the sidecar resolves it and applies resiliency.yaml). Every way of not getting an
/// answer becomes a <see cref="MetricQueryException"/>, which the rule sees as a failed evaluation.
/// </summary>
public sealed class DaprMetricQueryClient : IMetricQueryClient, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals | JsonNumberHandling.AllowReadingFromString,
    };

    private readonly HttpClient _http;
    private static readonly string[] QueryPermissions = [Permissions.MetricsRead];

    private readonly ServiceTokenIssuer _tokens;
    private readonly SemaphoreSlim _inFlight;

    public DaprMetricQueryClient(IConfiguration configuration, ServiceTokenIssuer tokens, IOptions<RuleEvaluationOptions> options)
    {
        _tokens = tokens;
        _http = DaprClient.CreateInvokeHttpClient(AppIds.MetricsService, DaprDefaults.GetDefaultHttpEndpoint(configuration), DaprDefaults.GetDefaultDaprApiToken(configuration));
        _http.Timeout = options.Value.QueryTimeout;
        _inFlight = new SemaphoreSlim(options.Value.MaxConcurrentQueries);
    }

    public async Task<MetricQueryResult> QueryAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var request = new HttpRequestMessage(HttpMethod.Get, query.PathAndQuery);
        await _inFlight.WaitAsync(cancellationToken);
        try
        {
            if (await _tokens.TokenForAsync(AppIds.MetricsService, QueryPermissions, cancellationToken) is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await _http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new MetricQueryException($"metrics-service answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var body = await response.Content.ReadFromJsonAsync<RangeResponse>(Json, cancellationToken)
                       ?? throw new MetricQueryException("metrics-service answered an empty body");
            return new MetricQueryResult((body.Series ?? []).Select(s => (IReadOnlyList<double>)(s.Points ?? []).Select(p => p.V).ToList()).ToList());
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MetricQueryException($"metrics-service did not answer within {_http.Timeout.TotalSeconds:0.#} s", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new MetricQueryException($"metrics-service unreachable: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new MetricQueryException($"metrics-service answered an unreadable body: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is DaprException or KeyNotFoundException or FormatException)
        {
            throw new MetricQueryException($"no service token: the signing key '{AuthOptions.SigningKeySecretName}' could not be read ({ex.Message})", ex);
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

    private sealed record RangeResponse(IReadOnlyList<RangeSeries>? Series);

    private sealed record RangeSeries(IReadOnlyList<RangePoint>? Points);

    private sealed record RangePoint(long T, double V);
}
