using System.Globalization;
using AirisEpm.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AirisEpm.WebConsole.Auth;

/// <summary>Sign-in, the current session and sign-out (<c>/api/session</c>).</summary>
public static class SessionApi
{
    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/session").WithTags("Session").AllowAnonymous();
        api.MapGet("/", Current).WithName("Session");
        api.MapPost("/login", LoginAsync).WithName("Login").WithValidation<LoginRequest>();
        api.MapPost("/logout", LogoutAsync).WithName("Logout");
        api.MapGet("/oidc", Oidc).WithName("OidcSignIn");
        return app;
    }

    /// <summary>Who is signed in; 401 (with the sign-in methods) when nobody is. Always sets the antiforgery cookie.</summary>
    public static IResult Current(HttpContext context, AntiforgeryTokens antiforgery, IOptions<OidcOptions> oidc)
    {
        antiforgery.Issue(context);
        if (View(context.User, oidc.Value) is { } view) return TypedResults.Ok(view);
        return TypedResults.Problem(
            title: "Not signed in", detail: "Sign in with POST /api/session/login" + (oidc.Value.Enabled ? " or GET /api/session/oidc." : "."),
            statusCode: StatusCodes.Status401Unauthorized, extensions: new Dictionary<string, object?> { ["methods"] = Methods(oidc.Value) });
    }

    public static async Task<IResult> LoginAsync(
        LoginRequest request, HttpContext context, LocalSignIn signIn, AntiforgeryTokens antiforgery, IOptions<OidcOptions> oidc,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var outcome = await signIn.SignInAsync(request.Username!, request.Password!, address, cancellationToken);
        switch (outcome)
        {
            case SignInOutcome.SignedIn(var account):
                var principal = SessionClaims.Create(account.Name, account.Role, SessionClaims.Local, account.Stamp);
                var properties = new AuthenticationProperties();
                SessionValidator.MarkChecked(properties, time.GetUtcNow());
                await context.SignInAsync(SessionDefaults.Scheme, principal, properties);
                context.User = principal;
                antiforgery.Issue(context);
                return TypedResults.Ok(View(principal, oidc.Value));
            case SignInOutcome.Throttled(var wait):
                context.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(title: "Too many failed sign-ins",
                    detail: $"Sign-in for this account or from this address is paused; try again in {Math.Ceiling(wait.TotalSeconds):0} s.",
                    statusCode: StatusCodes.Status429TooManyRequests);
            case SignInOutcome.NotSetUp(var detail):
                return TypedResults.Problem(title: "No account can sign in yet", detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable);
            default:
                return TypedResults.Problem(title: "invalid username or password", detail: "The username or the password is wrong.",
                    statusCode: StatusCodes.Status401Unauthorized);
        }
    }

    public static async Task<NoContent> LogoutAsync(HttpContext context, AntiforgeryTokens antiforgery)
    {
        await context.SignOutAsync(SessionDefaults.Scheme);
        context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        antiforgery.Issue(context);
        return TypedResults.NoContent();
    }

    /// <summary>Starts the OpenID Connect sign-in, back to <paramref name="returnUrl"/> (a path of this site) afterwards.</summary>
    public static IResult Oidc(string? returnUrl, IOptions<OidcOptions> oidc)
    {
        if (!oidc.Value.Enabled)
        {
            return TypedResults.Problem(title: "OpenID Connect is not configured",
                detail: $"Set {OidcOptions.Section}:Authority (and ClientId, ClientSecret) to sign in through a provider.", statusCode: StatusCodes.Status404NotFound);
        }

        if (returnUrl is { Length: > 0 } && !IsLocal(returnUrl))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["returnUrl"] = ["Must be a path of this site, such as /alerts."] });
        }

        return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = returnUrl is { Length: > 0 } ? returnUrl : "/" }, [SessionDefaults.OidcScheme]);
    }

    /// <summary>"/x" but not "//host" or "/\host", which browsers read as another site.</summary>
    public static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) && !url.Any(char.IsControl);

    private static SessionView? View(System.Security.Claims.ClaimsPrincipal user, OidcOptions oidc) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: SessionDefaults.Scheme }
        && SessionClaims.NameOf(user) is { } name && SessionClaims.RoleOf(user) is { } role
            ? new SessionView(name, role, SessionClaims.PermissionsOf(user), Methods(oidc))
            : null;

    private static IReadOnlyList<string> Methods(OidcOptions oidc) => oidc.Enabled ? [SessionClaims.Local, SessionClaims.Oidc] : [SessionClaims.Local];
}
