namespace AirisEpm.MetricsService.Prometheus;

/// <summary>
/// An error as Prometheus's API answers it: its <c>errorType</c>, its message, and the HTTP status Prometheus
/// pairs with that type (<c>bad_data</c> 400, <c>execution</c> 422, <c>canceled</c> 499, <c>timeout</c> and
/// <c>unavailable</c> 503, <c>internal</c> 500).
/// </summary>
public sealed record PromApiError(string Type, string Message)
{
    public const string BadDataType = "bad_data";
    public const string ExecutionType = "execution";
    public const string CanceledType = "canceled";
    public const string TimeoutType = "timeout";
    public const string UnavailableType = "unavailable";
    public const string InternalType = "internal";

    /// <summary>nginx's "client closed request", which Prometheus answers for a canceled query.</summary>
    public const int ClientClosedRequest = 499;

    public int StatusCode => Type switch
    {
        BadDataType => StatusCodes.Status400BadRequest,
        ExecutionType => StatusCodes.Status422UnprocessableEntity,
        CanceledType => ClientClosedRequest,
        TimeoutType or UnavailableType => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static PromApiError BadData(string message) => new(BadDataType, message);

    /// <summary>Prometheus's <c>invalidParamError</c>: <c>invalid parameter "name": reason</c>.</summary>
    public static PromApiError InvalidParameter(string parameter, string reason) => BadData($"invalid parameter \"{parameter}\": {reason}");
}

/// <summary>Thrown by the Prometheus API handlers; <see cref="PromErrorFilter"/> answers it as the error envelope.</summary>
public sealed class PromApiException(PromApiError error) : Exception(error.Message)
{
    public PromApiError Error { get; } = error;

    public static PromApiException BadData(string message) => new(PromApiError.BadData(message));

    public static PromApiException InvalidParameter(string parameter, string reason) => new(PromApiError.InvalidParameter(parameter, reason));
}
