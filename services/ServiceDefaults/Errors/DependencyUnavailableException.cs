namespace AirisEpm.ServiceDefaults.Errors;

/// <summary>
/// Something this request needs (a sidecar, an actor, another service) did not answer. Answered
/// 503 with Retry-After: nothing was accepted, and the same request later may well succeed.
/// </summary>
public sealed class DependencyUnavailableException(string message, TimeSpan retryAfter, Exception? innerException = null)
    : Exception(message, innerException)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
