namespace AirisEpm.ServiceDefaults.Dapr;

/// <summary>
/// Another service gave no usable answer: unreachable, too slow, refused (<see cref="Status"/> set), an
/// unreadable body, or no token to call it with. The message says which, naming the service.
/// </summary>
public sealed class ServiceCallException(string message, int? status = null, Exception? inner = null) : Exception(message, inner)
{
    public int? Status { get; } = status;
}
