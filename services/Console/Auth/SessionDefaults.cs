namespace AirisEpm.WebConsole.Auth;

/// <summary>Names of the console's session scheme, cookies and antiforgery header (the contract the page is built on).</summary>
public static class SessionDefaults
{
    public const string Scheme = "console-session";
    public const string OidcScheme = "oidc";
    public const string SessionCookie = "airis-session";

    /// <summary>The readable cookie holding the antiforgery request token; the page echoes it in <see cref="AntiforgeryHeader"/>.</summary>
    public const string AntiforgeryCookie = "XSRF-TOKEN";

    public const string AntiforgeryHeader = "X-XSRF-TOKEN";

    /// <summary>The HttpOnly cookie half of the antiforgery pair, which the page never reads.</summary>
    public const string AntiforgeryPairCookie = "airis-antiforgery";
}
