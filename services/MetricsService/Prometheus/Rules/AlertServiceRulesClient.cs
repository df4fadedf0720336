using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.MetricsService.Prometheus.Rules;

/// <summary>
/// Reads alert-service's rules and their states through Dapr service invocation, on metrics-service's own behalf
/// (a service token with <c>alerts:read</c> for alert-service only). alert-service has no call that lists every
/// rule's state, so each rule's state is one more call (at most <see cref="MaxConcurrentCalls"/> at once).
/// Every way of not getting an answer is a <see cref="ServiceCallException"/>.
/// </summary>
public sealed class AlertServiceRulesClient(IConfiguration configuration, ServiceTokenIssuer tokens) : IAlertServiceRules, IDisposable
{
    public const int MaxConcurrentCalls = 16;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);
    private static readonly string[] ReadPermissions = [Permissions.AlertsRead];
    private readonly ServiceCaller _alerts = new(AppIds.AlertService, configuration, tokens, CallTimeout, MaxConcurrentCalls);

    public async Task<IReadOnlyList<(AlertServiceRule Rule, AlertServiceRuleState? State)>> ListAsync(CancellationToken cancellationToken)
    {
        var rules = await _alerts.GetJsonAsync<List<AlertServiceRule>>("/api/v1/rules", ReadPermissions, cancellationToken);
        var states = await Task.WhenAll(rules.Select(rule => StateAsync(rule.Id, cancellationToken)));
        return [.. rules.Zip(states)];
    }

    public void Dispose() => _alerts.Dispose();

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
