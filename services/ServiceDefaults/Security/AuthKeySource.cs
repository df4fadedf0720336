using AirisEpm.ServiceDefaults.Dapr;
using Microsoft.Extensions.Options;

namespace AirisEpm.ServiceDefaults.Security;

/// <summary>Where the key documents come from: the development pair, configuration, or the Dapr secret store.</summary>
public sealed class AuthKeySource(IOptionsMonitor<AuthOptions> options, DaprSecrets secrets)
{
    /// <summary>The public key set (JWKS JSON) every service validates with.</summary>
    public async Task<string> ReadKeySetAsync(CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (current.UseDevelopmentKeys) return DevelopmentKeys.Jwks;
        if (current.Jwks.Length > 0) return current.Jwks;
        return await secrets.GetAsync(AuthOptions.JwksSecretName, cancellationToken);
    }

    /// <summary>The private key (JWK JSON) an issuer signs with; secret scoping keeps it from the others.</summary>
    public async Task<string> ReadSigningKeyAsync(CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (current.UseDevelopmentKeys) return DevelopmentKeys.PrivateJwk;
        if (current.SigningKey.Length > 0) return current.SigningKey;
        return await secrets.GetAsync(AuthOptions.SigningKeySecretName, cancellationToken);
    }
}
