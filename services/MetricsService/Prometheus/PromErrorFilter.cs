using AirisEpm.PromQl.Engine;

namespace AirisEpm.MetricsService.Prometheus;

/// <summary>
/// Answers the Prometheus API's failures in its envelope instead of ProblemDetails (Prometheus's clients read
/// <c>errorType</c> and <c>error</c>): a bad parameter or query is <c>bad_data</c> 400, a query that cannot run
/// <c>execution</c> 422, a timeout 503, a caller that went away <c>canceled</c> 499.
/// </summary>
public sealed class PromErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (PromApiException e)
        {
            return PromResult.Error(e.Error);
        }
        catch (PromQlException e)
        {
            return PromResult.Error(new PromApiError(e.TypeName, e.Message));
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return PromResult.Error(new PromApiError(PromApiError.CanceledType, "query was canceled"));
        }
    }
}
