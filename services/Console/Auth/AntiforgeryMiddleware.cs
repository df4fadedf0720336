using Microsoft.AspNetCore.Antiforgery;

namespace AirisEpm.WebConsole.Auth;

/// <summary>
/// Every POST, PUT, PATCH and DELETE under <c>/api</c> needs the antiforgery header matching the session's token; a
/// missing or wrong one answers 400 ProblemDetails. Runs after authorization, so a caller without a session gets its 401
/// first, and covers every console endpoint, whoever maps it. A request with a bearer token (an API client, not the page)
/// needs none: a browser never adds an Authorization header to a cross-site request, so it cannot be forged.
/// </summary>
public sealed class AntiforgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(context.Request.Method)
            || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method)
            || IsBearer(context.Request))
        {
            await next(context);
            return;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException ex)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = 400,
                    Title = "Missing or invalid antiforgery token",
                    Detail = $"Send the value of the cookie {SessionDefaults.AntiforgeryCookie} (set by GET /api/session and by sign-in) " +
                             $"in the header {SessionDefaults.AntiforgeryHeader}. {ex.Message}",
                },
            });
            return;
        }

        await next(context);
    }

    private static bool IsBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
