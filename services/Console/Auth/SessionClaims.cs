using System.Security.Claims;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.WebConsole.Auth;

/// <summary>
/// What a console session carries: the person's name (also <c>sub</c>, which the antiforgery token and the rate limiter
/// key on), role, the role's permissions, how they signed in, and for local accounts the account's stamp (a password or
/// role change makes a new one, which ends the sessions made before it).
/// </summary>
public static class SessionClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Method = "amr";
    public const string Stamp = "stamp";

    public const string Local = "local";
    public const string Oidc = "oidc";

    public static ClaimsPrincipal Create(string name, string role, string method, string? stamp = null)
    {
        var claims = new List<Claim> { new(Subject, name), new(Name, name), new(Role, role), new(Method, method) };
        claims.AddRange(ConsoleRoles.PermissionsOf(role).Select(p => new Claim(Permissions.ClaimType, p)));
        if (stamp is not null) claims.Add(new Claim(Stamp, stamp));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, SessionDefaults.Scheme, Name, Role));
    }

    public static string? NameOf(ClaimsPrincipal user) => user.FindFirst(Name)?.Value;

    public static string? RoleOf(ClaimsPrincipal user) => user.FindFirst(Role)?.Value;

    public static IReadOnlyList<string> PermissionsOf(ClaimsPrincipal user) =>
        [.. user.FindAll(Permissions.ClaimType).Select(c => c.Value)];
}
