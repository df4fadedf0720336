using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace AirisEpm.DaprTestSidecar.Hosting;

/// <summary>
/// W3C trace context as daprd propagates it: the caller's trace id is kept, the sidecar's own span
/// gets a new span id; without an incoming traceparent a new trace starts.
/// </summary>
public static partial class TraceContext
{
    [GeneratedRegex("^00-(?<trace>[0-9a-f]{32})-(?<span>[0-9a-f]{16})-(?<flags>[0-9a-f]{2})$")]
    private static partial Regex Header();

    public static string ChildOf(string? traceparent)
    {
        var match = traceparent is null ? null : Header().Match(traceparent.Trim());
        var traceId = match is { Success: true } ? match.Groups["trace"].Value : Hex(16);
        var flags = match is { Success: true } ? match.Groups["flags"].Value : "01";
        return $"00-{traceId}-{Hex(8)}-{flags}";
    }

    public static string TraceId(string traceparent) => traceparent.Split('-')[1];

    private static string Hex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
