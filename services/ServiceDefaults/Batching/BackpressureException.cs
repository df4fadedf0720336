namespace AirisEpm.ServiceDefaults.Batching;

/// <summary>
/// Thrown when a writer cannot take items now. <see cref="StatusCode"/> is 429 when the buffer is
/// full and 503 when the sink is failing; both carry a Retry-After hint.
/// </summary>
public sealed class BackpressureException(string message, int statusCode, TimeSpan retryAfter) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public TimeSpan RetryAfter { get; } = retryAfter;
}
