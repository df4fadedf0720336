using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Hosting;

namespace AirisEpm.WebConsole.Auth;

/// <summary>
/// Issues the antiforgery pair for the current principal: ASP.NET Core's HttpOnly cookie token, and the request token in
/// the readable <see cref="SessionDefaults.AntiforgeryCookie"/> that the page sends back as <see cref="SessionDefaults.AntiforgeryHeader"/>.
/// The request token is bound to the signed-in person, so sign-in and sign-out issue a new one.
/// </summary>
public sealed class AntiforgeryTokens(IAntiforgery antiforgery, IHostEnvironment environment)
{
    public void Issue(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Cookies.Append(SessionDefaults.AntiforgeryCookie, tokens.RequestToken ?? "", new CookieOptions
        {
            HttpOnly = false,
            Secure = !environment.IsDevelopment(),
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });
    }
}
