namespace AirisEpm.DaprTestSidecar.Harness;

/// <summary>A request the HTTP receiver got: method, path and query, headers, body.</summary>
public sealed record CapturedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
