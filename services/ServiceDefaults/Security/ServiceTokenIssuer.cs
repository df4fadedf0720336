using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AirisEpm.ServiceDefaults.Security;

/// <summary>
/// A service's own identity towards another: short-lived tokens (<see cref="AuthOptions.ServiceTokenLifetime"/>)
/// for one audience, signed with the private key that only issuers can read (Dapr secret scoping).
/// A token is reused until half its life has passed. Registered only by services that call others on
/// their own behalf (alert-service's rule actors), and by the console, which calls them on a signed-in person's
/// behalf (<c>subject</c> names the person; the issuer's own name otherwise).
/// </summary>
public sealed class ServiceTokenIssuer(AuthKeySource keys, IOptions<AuthOptions> options, TimeProvider time, string subject) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    /// <summary>Cached tokens kept before expired ones are dropped (the console caches one per person and service).</summary>
    private const int CacheLimit = 4096;

    private readonly Dictionary<string, (string Token, DateTimeOffset RenewAt)> _tokens = new(StringComparer.Ordinal);
    private (JsonWebKey Key, DateTimeOffset ReadAgainAt)? _key;

    /// <summary>Null when authentication is off (Development only): then no header is sent.</summary>
    public async Task<string?> TokenForAsync(
        string audience, IReadOnlyCollection<string> permissions, CancellationToken cancellationToken, string? onBehalfOf = null)
    {
        if (!options.Value.Enabled) return null;
        var sub = onBehalfOf ?? subject;
        var cacheKey = sub + "\n" + audience + " " + string.Join(' ', permissions.Order(StringComparer.Ordinal));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_tokens.TryGetValue(cacheKey, out var cached) && now < cached.RenewAt) return cached.Token;
            if (_key is not { } key || now >= key.ReadAgainAt)
            {
                // Read again now and then, so a rotation reaches the issuer without a restart.
                key = (SigningKeys.ParsePrivateKey(await keys.ReadSigningKeyAsync(cancellationToken)), now + options.Value.KeyRefreshInterval);
                _key = key;
            }

            var lifetime = options.Value.ServiceTokenLifetime;
            var token = TokenIssuer.Mint(key.Key, options.Value.Issuer, [audience], sub, permissions, lifetime, now.UtcDateTime);
            if (_tokens.Count >= CacheLimit)
            {
                foreach (var stale in _tokens.Where(t => now >= t.Value.RenewAt).Select(t => t.Key).ToList()) _tokens.Remove(stale);
                if (_tokens.Count >= CacheLimit) _tokens.Clear();
            }

            _tokens[cacheKey] = (token, now + (lifetime / 2));
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
