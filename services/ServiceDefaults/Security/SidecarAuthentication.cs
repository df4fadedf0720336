using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AirisEpm.ServiceDefaults.Security;

/// <summary>
/// The scheme of calls from this app's own Dapr sidecar (subscriptions, bindings, actors, /dapr/*):
/// daprd sends APP_API_TOKEN in the <c>dapr-api-token</c> header, compared here in constant time.
/// Outside Development the app does not start without the token. In Development without one (the
/// Dapr CLI gives the run file's env to the app only, never to daprd) only loopback callers pass: the
/// local daprd and the apps all bind to localhost.
/// </summary>
public sealed class SidecarAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IConfiguration configuration, IHostEnvironment environment)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DaprSidecar";
    public const string AppApiTokenKey = "APP_API_TOKEN";
    public const string TokenHeader = "dapr-api-token";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var expected = configuration[AppApiTokenKey];
        if (string.IsNullOrEmpty(expected))
        {
            var remote = Context.Connection.RemoteIpAddress;
            return Task.FromResult(environment.IsDevelopment() && remote is not null && System.Net.IPAddress.IsLoopback(remote)
                ? Success()
                : AuthenticateResult.NoResult());
        }

        var sent = Request.Headers[TokenHeader].ToString();
        if (sent.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        return Task.FromResult(CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected))
            ? Success()
            : AuthenticateResult.Fail("The dapr-api-token header does not match APP_API_TOKEN."));
    }

    private AuthenticateResult Success() =>
        AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "dapr-sidecar")], SchemeName)), SchemeName));
}
