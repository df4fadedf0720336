using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AirisEpm.ServiceDefaults.Security;

/// <summary>Mints HS256 tokens the services accept; used by the mint-token tool and by tests.</summary>
public static class TokenIssuer
{
    public static string Mint(AuthOptions options, string subject, IEnumerable<string> permissions, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(options);
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, subject) };
        claims.AddRange(permissions.Select(p => new Claim(Permissions.ClaimType, p)));
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.AddMinutes(-1),
            Expires = now.Add(lifetime),
            SigningCredentials = new SigningCredentials(SigningKey(options), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static SymmetricSecurityKey SigningKey(AuthOptions options) => new(Encoding.UTF8.GetBytes(options.SigningKey));
}
