using AirisEpm.ServiceDefaults.Batching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.ServiceDefaults.Errors;

public static class ProblemDetailsExtensions
{
    /// <summary>Every error answers application/problem+json, with the trace id to find it in our own traces.</summary>
    public static IServiceCollection AddAirisProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] =
                System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ClientErrorExceptionHandler>();
        return services;
    }

    public static WebApplication UseAirisProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}

/// <summary>
/// Turns exceptions a client caused (unreadable body, oversized body) into 4xx ProblemDetails, and
/// backpressure or a dependency that did not answer into 429/503 with Retry-After; anything else
/// stays a 500 without internals.
/// </summary>
internal sealed class ClientErrorExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // A dependency's failure may arrive wrapped (Data Protection wraps its key store's in a CryptographicException).
        exception = Unwrapped<DependencyUnavailableException>(exception) ?? exception;
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } e =>
                (413, "Request body too large", e.Message),
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message),
            BackpressureException e => (e.StatusCode, e.StatusCode == 429 ? "Too many requests" : "Service unavailable", e.Message),
            DependencyUnavailableException e => (503, "Service unavailable", e.Message),
            System.Text.Json.JsonException e => (400, "Malformed JSON", e.Message),
            _ => (0, "", ""),
        };
        if (status == 0)
        {
            return false;
        }

        if (exception switch { BackpressureException b => b.RetryAfter, DependencyUnavailableException d => d.RetryAfter, _ => (TimeSpan?)null } is { } retryAfter)
        {
            httpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static T? Unwrapped<T>(Exception exception)
        where T : Exception
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found) return found;
        }

        return null;
    }
}
