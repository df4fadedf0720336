using System.Text.Json.Nodes;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.MetricsService.Prometheus.Rules;

/// <summary>
/// Reads alert-service's rules through Dapr service invocation, on metrics-service's own behalf (a service token with
/// <c>alerts:read</c> for alert-service only): its Prometheus rule groups as its <c>/api/v1/rules</c> writes them, and its
/// native rules, whose states alert-service lists one rule at a time, so each is one more call (at most
/// <see cref="MaxConcurrentCalls"/> at once). Every way of not getting an answer is a <see cref="ServiceCallException"/>.
/// </summary>
public sealed class AlertServiceRulesClient(IConfiguration configuration, ServiceTokenIssuer tokens) : IAlertServiceRules, IDisposable
{
    public const int MaxConcurrentCalls = 16;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);
    private static readonly string[] ReadPermissions = [Permissions.AlertsRead];
    private readonly ServiceCaller _alerts = new(AppIds.AlertService, configuration, tokens, CallTimeout, MaxConcurrentCalls);

    public async Task<AlertServiceRuleSet> ListAsync(CancellationToken cancellationToken)
    {
        var prometheus = _alerts.GetJsonAsync<GroupsEnvelope>("/api/v1/rules", ReadPermissions, cancellationToken);
        var rules = await _alerts.GetJsonAsync<List<AlertServiceRule>>("/api/v1/rules/native", ReadPermissions, cancellationToken);
        var states = await Task.WhenAll(rules.Select(rule => StateAsync(rule.Id, cancellationToken)));
        var groups = (await prometheus).Data?.Groups ?? [];
        return new AlertServiceRuleSet(groups, [.. rules.Zip(states)]);
    }

    public void Dispose() => _alerts.Dispose();

    private sealed record GroupsEnvelope(GroupsData? Data);

    private sealed record GroupsData(List<JsonObject>? Groups);

    /// <summary>A rule deleted between the two calls has no state (404): it is listed without one.</summary>
    private async Task<AlertServiceRuleState?> StateAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await _alerts.GetJsonAsync<AlertServiceRuleState>($"/api/v1/rules/{Uri.EscapeDataString(id)}/state", ReadPermissions, cancellationToken);
        }
        catch (ServiceCallException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }
}
