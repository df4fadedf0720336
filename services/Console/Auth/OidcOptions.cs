namespace AirisEpm.WebConsole.Auth;

/// <summary>
/// Section <c>Oidc</c>: sign-in through an OpenID Connect provider (authorization code flow with PKCE), on only when
/// <see cref="Authority"/> is set. The person's role comes from <see cref="RoleClaim"/>: a value naming a console role
/// (or mapped to one by <see cref="RoleMap"/>) grants it, the highest one wins, and a person with none gets
/// <see cref="DefaultRole"/> (empty: refused).
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Oidc";

    /// <summary>The Dapr secret holding the client secret, read when <see cref="ClientSecret"/> is not set.</summary>
    public const string ClientSecretName = "console-oidc-client-secret";

    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>
    /// From the environment (<c>Oidc__ClientSecret</c>), never from a committed file; when empty, the Dapr secret
    /// <see cref="ClientSecretName"/> is read at each code redemption, and without it the console is a public client (PKCE only).
    /// </summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>Space-separated scopes to ask for.</summary>
    public string Scope { get; set; } = "openid profile email";

    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim shown as the person's name; <c>sub</c> when the token has none.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>Provider role values to console roles, e.g. <c>Oidc:RoleMap:airis-admins = admin</c>.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string DefaultRole { get; set; } = ConsoleRoles.Viewer;

    /// <summary>Only for a provider on plain HTTP in tests and on a laptop.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => Authority.Length > 0;
}
