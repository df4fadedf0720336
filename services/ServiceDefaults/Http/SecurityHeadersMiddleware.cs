using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace AirisEpm.ServiceDefaults.Http;

/// <summary>Headers that keep browsers from sniffing, framing or leaking our responses.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IHostEnvironment environment)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            // An endpoint that serves a page (the console's) sets its own policy; everything else is an API.
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = environment.IsDevelopment() && context.Request.Path.StartsWithSegments("/scalar")
                    ? "frame-ancestors 'none'"
                    : "default-src 'none'; frame-ancestors 'none'";
            }

            if (!environment.IsDevelopment())
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
