using System.Globalization;
using AirisEpm.ServiceDefaults.Errors;
using AirisEpm.WebConsole.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace AirisEpm.WebConsole.Auth;

/// <summary>
/// Reads a local session's account again every <see cref="ConsoleOptions.SessionRevalidateInterval"/>: a deleted account,
/// or one whose stamp changed (new password, new role), ends the session. A state store that does not answer keeps the
/// session as it is until the next check, so a store outage does not sign everybody out.
/// </summary>
public sealed class SessionValidator(AccountStore store, IOptions<ConsoleOptions> options, TimeProvider time)
{
    private const string CheckedAt = "checked";

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is not { } principal || principal.FindFirst(SessionClaims.Method)?.Value != SessionClaims.Local) return;
        var now = time.GetUtcNow();
        if (context.Properties.Items.TryGetValue(CheckedAt, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var checkedAt)
            && now - checkedAt < options.Value.SessionRevalidateInterval)
        {
            return;
        }

        Account? account;
        try
        {
            account = await store.FindAsync(SessionClaims.NameOf(principal) ?? "", context.HttpContext.RequestAborted);
        }
        catch (DependencyUnavailableException)
        {
            return;
        }

        if (account is null || account.Stamp != principal.FindFirst(SessionClaims.Stamp)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SessionDefaults.Scheme);
            return;
        }

        MarkChecked(context.Properties, now);
        context.ShouldRenew = true;
    }

    public static void MarkChecked(AuthenticationProperties properties, DateTimeOffset now) =>
        properties.Items[CheckedAt] = now.ToString("O", CultureInfo.InvariantCulture);
}
