namespace AirisEpm.DaprTestSidecar.Bindings;

/// <summary>An output binding call: operation, data and per-request metadata.</summary>
public sealed record BindingRequest(string Operation, byte[] Data, IReadOnlyDictionary<string, string> Metadata)
{
    public string? Value(string key) => Metadata.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}

/// <summary>What the binding answered.</summary>
public sealed record BindingResult(byte[] Data, IReadOnlyDictionary<string, string> Metadata)
{
    public static readonly BindingResult Empty = new([], new Dictionary<string, string>());
}

/// <summary>One performed output binding call, kept for assertions.</summary>
public sealed record BindingCall(string AppId, string Name, string Type, BindingRequest Request, string? Error, DateTimeOffset At)
{
    public bool Succeeded => Error is null;
}

/// <summary>A binding refused the call (bad metadata, non-2xx with errorIfNot2XX, transport error).</summary>
public sealed class BindingException(string message, Exception? inner = null) : Exception(message, inner);

public interface IOutputBinding
{
    Task<BindingResult> InvokeAsync(BindingRequest request, CancellationToken cancellationToken);
}
