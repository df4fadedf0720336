using AirisEpm.ServiceDefaults.Dapr;
using Dapr;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace AirisEpm.WebConsole.Auth;

/// <summary>
/// The OIDC client secret from the Dapr secret store (<see cref="OidcOptions.ClientSecretName"/>), as the first admin's
/// password is read: only when no <c>Oidc:ClientSecret</c> is configured, and only when it is needed, at the code
/// redemption, so a rotated secret is used without a restart. No such secret: the token request goes without one (a
/// public client, PKCE alone). A sidecar that does not answer fails that sign-in with a readable reason.
/// </summary>
public static partial class OidcClientSecret
{
    public static async Task AttachAsync(AuthorizationCodeReceivedContext context)
    {
        if (context.TokenEndpointRequest is not { } request) return;
        var secrets = context.HttpContext.RequestServices.GetRequiredService<DaprSecrets>();
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcClientSecret));
        try
        {
            var secret = await secrets.GetAsync(OidcOptions.ClientSecretName, context.HttpContext.RequestAborted);
            // The compose template holds an empty one: a public client until somebody fills it in.
            if (secret.Length > 0) request.ClientSecret = secret;
        }
        catch (DaprException ex) when (ex.InnerException is RpcException { StatusCode: StatusCode.Unavailable or StatusCode.DeadlineExceeded })
        {
            context.Fail($"The console's Dapr sidecar did not answer a read of the secret '{OidcOptions.ClientSecretName}'; try again.");
        }
        catch (Exception ex) when (ex is DaprException or KeyNotFoundException)
        {
            LogNoSecret(logger, OidcOptions.ClientSecretName, ex.InnerException?.Message ?? ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No OIDC client secret: the secret {Secret} could not be read ({Reason}); redeeming the code as a public client")]
    private static partial void LogNoSecret(ILogger logger, string secret, string reason);
}
