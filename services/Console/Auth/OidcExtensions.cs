using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AirisEpm.WebConsole.Auth;

public static class OidcExtensions
{
    /// <summary>
    /// OpenID Connect (code flow with PKCE) that ends in a console session: the provider's identity is replaced by the
    /// console's own claims (name, role from <see cref="OidcOptions.RoleClaim"/>, the role's permissions), so the rest of
    /// the console cannot tell the two ways of signing in apart. A person with no console role is refused.
    /// </summary>
    public static AuthenticationBuilder AddConsoleOidc(this AuthenticationBuilder authentication)
    {
        authentication.AddOpenIdConnect(SessionDefaults.OidcScheme, _ => { });
        authentication.Services.AddOptions<OpenIdConnectOptions>(SessionDefaults.OidcScheme)
            .Configure<IOptions<OidcOptions>, IHostEnvironment>((options, settings, environment) =>
            {
                var oidc = settings.Value;
                options.Authority = oidc.Authority;
                options.ClientId = oidc.ClientId;
                options.ClientSecret = oidc.ClientSecret.Length > 0 ? oidc.ClientSecret : null;
                options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.UsePkce = true;
                options.SignInScheme = SessionDefaults.Scheme;
                options.MapInboundClaims = false;
                options.SaveTokens = false;
                options.Scope.Clear();
                foreach (var scope in oidc.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)) options.Scope.Add(scope);
                // The provider redirects back with a top-level GET (query response mode), which SameSite=Lax cookies survive.
                var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = secure;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = secure;
                options.Events.OnTokenValidated = context => Adopt(context, oidc);
                if (options.ClientSecret is null) options.Events.OnAuthorizationCodeReceived = OidcClientSecret.AttachAsync;
                options.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect("/?signin-error=" + Uri.EscapeDataString(context.Failure?.Message ?? "sign-in failed"));
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        return authentication;
    }

    private static Task Adopt(TokenValidatedContext context, OidcOptions oidc)
    {
        var user = context.Principal!;
        var name = user.FindFirst(oidc.NameClaim)?.Value ?? user.FindFirst("sub")?.Value;
        var role = OidcRoles.Resolve(user.FindAll(oidc.RoleClaim).Select(c => c.Value), oidc.RoleMap, oidc.DefaultRole);
        if (name is null || role is null)
        {
            context.Fail(name is null
                ? $"The provider's token has neither '{oidc.NameClaim}' nor 'sub'."
                : $"'{name}' has no console role in the claim '{oidc.RoleClaim}' and {OidcOptions.Section}:DefaultRole is empty.");
            return Task.CompletedTask;
        }

        context.Principal = SessionClaims.Create(name, role, SessionClaims.Oidc);
        return Task.CompletedTask;
    }
}
