using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AirisEpm.ServiceDefaults.Security;

/// <summary>Mints the ES256 tokens the services accept; used by the mint-token tool, the issuing services and tests.</summary>
public static class TokenIssuer
{
    public static string Mint(
        JsonWebKey signingKey, string issuer, IEnumerable<string> audiences, string subject, IEnumerable<string> permissions,
        TimeSpan lifetime, DateTime? now = null)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, subject) };
        claims.AddRange(permissions.Select(p => new Claim(Permissions.ClaimType, p)));
        var issuedAt = now ?? DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt.AddMinutes(-1),
            Expires = issuedAt.Add(lifetime),
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.EcdsaSha256),
        };
        foreach (var audience in audiences)
        {
            descriptor.Audiences.Add(audience);
        }

        if (descriptor.Audiences.Count == 0) throw new ArgumentException("A token needs at least one audience.", nameof(audiences));
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
