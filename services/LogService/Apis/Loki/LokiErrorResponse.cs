namespace AirisEpm.LogService.Apis.Loki;

/// <summary>
/// An error in the shape Prometheus-style clients read, <c>{"status":"error","errorType":"bad_data","error":"…"}</c>,
/// plus <c>message</c> with the same text, which is the field Grafana's Loki data source shows.
/// </summary>
public sealed record LokiErrorResponse(string Status, string ErrorType, string Error, string Message)
{
    public static LokiErrorResponse Of(string errorType, string error) => new("error", errorType, error, error);
}
