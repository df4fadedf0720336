using AirisEpm.ServiceDefaults.Security;
using AirisEpm.WebConsole.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AirisEpm.WebConsole.Auth;

public static class ConsoleAuthExtensions
{
    /// <summary>
    /// The session cookie as the default scheme of the console (the services' JWT bearer scheme stays for /health), its
    /// policies, antiforgery, local accounts, login throttling, the first admin, Data Protection keys in the state store,
    /// and OpenID Connect when <c>Oidc:Authority</c> is set.
    /// </summary>
    public static IHostApplicationBuilder AddConsoleAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section)
            .Validate(o => o.SessionIdleTimeout > TimeSpan.Zero && o.SessionRevalidateInterval > TimeSpan.Zero, "Console:SessionIdleTimeout and SessionRevalidateInterval must be positive.")
            .ValidateOnStart();
        services.AddOptions<LoginThrottleOptions>().BindConfiguration(LoginThrottleOptions.Section)
            .Validate(o => o.AccountFreeFailures >= 0 && o.AddressFreeFailures >= 0 && o.BaseDelay > TimeSpan.Zero && o.MaxDelay >= o.BaseDelay,
                "Console:LoginThrottle needs non-negative free failures, 0 < BaseDelay <= MaxDelay.")
            .ValidateOnStart();
        services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section)
            .Validate(o => !o.Enabled || o.ClientId.Length > 0, "Oidc:ClientId is required when Oidc:Authority is set.")
            .Validate(o => o.DefaultRole.Length == 0 || ConsoleRoles.IsRole(o.DefaultRole), "Oidc:DefaultRole must be viewer, editor, admin or empty.")
            .ValidateOnStart();

        services.AddSingleton<AccountStore>();
        services.AddSingleton<Passwords>();
        services.AddSingleton<FirstAdmin>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<LocalSignIn>();
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<AntiforgeryTokens>();
        services.AddHostedService<FirstAdminStartup>();

        services.AddDataProtection().SetApplicationName("airis-console");
        services.AddOptions<KeyManagementOptions>().Configure<Dapr.Client.DaprClient>((options, dapr) => options.XmlRepository = new DaprKeyRepository(dapr));

        var development = builder.Environment.IsDevelopment();
        var secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddAntiforgery(options =>
        {
            options.HeaderName = SessionDefaults.AntiforgeryHeader;
            options.Cookie.Name = SessionDefaults.AntiforgeryPairCookie;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // SameAsRequest, not Always: with Always, antiforgery refuses to issue tokens on a plain-HTTP request, which is
            // what the console sees when TLS ends at an ingress that does not forward the scheme. HttpOnly and SameSite=Strict
            // keep it from scripts and other sites; the session cookie itself is Secure outside Development.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // SecurityHeadersMiddleware sends X-Frame-Options: DENY already; this would add SAMEORIGIN beside it.
            options.SuppressXFrameOptionsHeader = true;
        });

        var authentication = services.AddAuthentication().AddCookie(SessionDefaults.Scheme, options =>
        {
            options.Cookie.Name = SessionDefaults.SessionCookie;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secure;
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
            options.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<SessionValidator>().ValidateAsync(context);
        });
        services.AddOptions<CookieAuthenticationOptions>(SessionDefaults.Scheme)
            .Configure<IOptions<ConsoleOptions>>((cookie, console) => cookie.ExpireTimeSpan = console.Value.SessionIdleTimeout);
        // Requests the policies do not name (the page's own calls) are read with the session cookie.
        services.Configure<AuthenticationOptions>(options =>
        {
            options.DefaultScheme = SessionDefaults.Scheme;
            options.DefaultChallengeScheme = SessionDefaults.Scheme;
        });
        if (builder.Configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() is { Enabled: true })
        {
            authentication.AddConsoleOidc();
        }

        var authorization = services.AddAuthorizationBuilder();
        // The platform's permission policies read only bearer tokens; in the console a session carries the same
        // permission claims (SessionClaims), so the console's own APIs (dashboards) take either.
        foreach (var permission in Permissions.All)
        {
            authorization.AddPolicy(permission, policy => policy
                .AddAuthenticationSchemes(SessionDefaults.Scheme, JwtBearerDefaults.AuthenticationScheme)
                .AddRequirements(new PermissionRequirement(permission)));
        }

        authorization
            .AddPolicy(ConsolePolicies.SignedIn, policy => policy.AddAuthenticationSchemes(SessionDefaults.Scheme).RequireAuthenticatedUser())
            .AddPolicy(ConsolePolicies.Editor, policy => policy.AddAuthenticationSchemes(SessionDefaults.Scheme)
                .RequireClaim(SessionClaims.Role, ConsoleRoles.Editor, ConsoleRoles.Admin))
            .AddPolicy(ConsolePolicies.Admin, policy => policy.AddAuthenticationSchemes(SessionDefaults.Scheme)
                .RequireClaim(SessionClaims.Role, ConsoleRoles.Admin));
        return builder;
    }

    /// <summary>The antiforgery check on every change under /api; after UseServiceDefaults (authentication and authorization).</summary>
    public static WebApplication UseConsoleAntiforgery(this WebApplication app)
    {
        app.UseMiddleware<AntiforgeryMiddleware>();
        return app;
    }

    /// <summary>An API answers 401/403 (as ProblemDetails, by the status code pages) instead of redirecting to a login page.</summary>
    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
