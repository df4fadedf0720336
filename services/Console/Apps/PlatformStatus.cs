using System.Security.Claims;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Errors;
using AirisEpm.ServiceDefaults.Health;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.WebConsole.Proxy;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AirisEpm.WebConsole.Apps;

/// <summary>
/// The health and the sidecar metadata of the five apps, for the overview and the Dapr screen. The four services are
/// asked through the console's sidecar on the signed-in person's behalf (their /health, their <c>/api/v1/dapr/metadata</c>);
/// the console answers for itself from its own health checks and its own sidecar. All apps are asked at once, each
/// within <see cref="Timeout"/>; one that does not answer is a row saying so, never a failed request.
/// </summary>
public sealed class PlatformStatus(ServiceInvoker invoker, HealthCheckService health, SidecarMetadata sidecar)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyList<AppStatus>> AppsAsync(ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        var services = AppIds.All.Select(appId => ServiceHealthAsync(appId, person, cancellationToken));
        return [.. await Task.WhenAll(services.Append(ConsoleHealthAsync(cancellationToken)))];
    }

    public async Task<IReadOnlyList<DaprEntry>> DaprAsync(ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        var services = AppIds.All.Select(appId => ServiceMetadataAsync(appId, person, cancellationToken));
        return [.. await Task.WhenAll(services.Append(ConsoleMetadataAsync(cancellationToken)))];
    }

    private async Task<AppStatus> ServiceHealthAsync(string appId, ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        var (status, body, problem) = await GetAsync(appId, AirisEpm.ServiceDefaults.Extensions.HealthPath, [ServiceRoutes.ReadPermissionOf(appId)], person, cancellationToken);
        if (problem is not null) return new AppStatus(appId, AppStatus.Unreachable, AppStatus.Unreachable, problem);
        return status is 200 or 503 ? HealthReading.Read(appId, body) : new AppStatus(appId, AppStatus.Unreachable, AppStatus.Unreachable, $"/health answered {status}: {Clip(body)}");
    }

    private async Task<AppStatus> ConsoleHealthAsync(CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var sidecarHealthy = report.Entries.TryGetValue(HealthReading.SidecarCheck, out var entry) && entry.Status == HealthStatus.Healthy;
        var failing = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Exception?.Message ?? e.Value.Description}").ToList();
        return new AppStatus(AppIds.Console, report.Status.ToString(), sidecarHealthy ? AppStatus.Healthy : AppStatus.Unreachable,
            failing.Count == 0 ? "All checks pass." : string.Join("; ", failing));
    }

    private async Task<DaprEntry> ServiceMetadataAsync(string appId, ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        var (status, body, problem) = await GetAsync(appId, DaprMetadataEndpoint.Route, [Permissions.Admin], person, cancellationToken);
        if (problem is not null) return new DaprEntry(appId, null, problem);
        if (status != 200) return new DaprEntry(appId, null, $"{DaprMetadataEndpoint.Route} answered {status}: {Clip(body)}");
        return Parse(appId, body);
    }

    private async Task<DaprEntry> ConsoleMetadataAsync(CancellationToken cancellationToken)
    {
        try
        {
            return Parse(AppIds.Console, await sidecar.ReadAsync(cancellationToken));
        }
        catch (DependencyUnavailableException ex)
        {
            return new DaprEntry(AppIds.Console, null, ex.Message);
        }
    }

    /// <summary>Status and body of a GET through the sidecar, or a problem saying why there is none.</summary>
    private async Task<(int Status, string Body, string? Problem)> GetAsync(
        string appId, string path, IReadOnlyCollection<string> permissions, ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, ServiceInvoker.Address(appId, path));
            using var response = await invoker.SendAsync(request, appId, person, timeout.Token, permissions);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode && DaprErrorBody.TryParse(System.Text.Encoding.UTF8.GetBytes(body)) is { } error)
            {
                return (0, "", $"not reachable through Dapr: {error.Code} {error.Message}");
            }

            return ((int)response.StatusCode, body, null);
        }
        catch (HttpRequestException ex)
        {
            return (0, "", $"the console's sidecar at {invoker.Sidecar} did not answer: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (0, "", $"no answer within {Timeout.TotalSeconds:0} s");
        }
    }

    private static DaprEntry Parse(string appId, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return new DaprEntry(appId, document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return new DaprEntry(appId, null, $"the metadata is not JSON: {ex.Message}");
        }
    }

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
