using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// alert-service's own identity towards the other services: a token with only the read
/// permissions rule evaluation needs, minted from the service's <see cref="AuthOptions"/>.
/// </summary>
public sealed class ServiceTokenProvider(IOptions<AuthOptions> auth, IOptions<RuleEvaluationOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private (string Token, DateTimeOffset RenewAt)? _current;

    /// <summary>Null when no signing key is configured (authentication off): then no header is sent.</summary>
    public string? Token()
    {
        if (string.IsNullOrEmpty(auth.Value.SigningKey)) return null;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_current is { } current && now < current.RenewAt) return current.Token;
            var lifetime = options.Value.ServiceTokenLifetime;
            var token = TokenIssuer.Mint(auth.Value, AppIds.AlertService, [Permissions.MetricsRead, Permissions.LogsRead, Permissions.TracesRead], lifetime);
            _current = (token, now + (lifetime / 2));
            return token;
        }
    }
}
