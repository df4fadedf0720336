using AirisEpm.ServiceDefaults.Text;

namespace AirisEpm.TraceService.Apis;

/// <summary>
/// The query string of <c>GET /api/v1/bottlenecks</c>: <c>service</c> (only traces that have a span of it), <c>start</c> and
/// <c>end</c> (RFC 3339 or Unix s, ms, µs, ns; default the last hour, at most <see cref="MaxWindow"/>) and <c>limit</c>
/// (operations in the answer, 1–<see cref="MaxLimit"/>, default <see cref="DefaultLimit"/>).
/// </summary>
public sealed record BottleneckParameters(string? Service, string? Start, string? End, int? Limit)
{
    /// <summary>
    /// The longest window: the window and the previous one are read whole into memory, so six hours of spans is the bound
    /// (at 1,000 spans/s, about 20 million spans, ~10 GiB, is what an unbounded day would cost; narrow the window, or pass a
    /// service, on busier systems).
    /// </summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromHours(6);

    public const int MaxLimit = 1_000;
    public const int DefaultLimit = 100;
    private const string TimeProblem = "not an RFC 3339 time or Unix seconds, ms, µs or ns";

    /// <summary>The window [StartNs, EndNs), or the problems by parameter name.</summary>
    public (long StartNs, long EndNs)? ToWindow(long nowNs, out Dictionary<string, string[]> problems)
    {
        problems = [];
        var endNs = nowNs + 1;
        if (End is not null && !UnixTime.TryParseQueryNs(End, out endNs)) problems["end"] = [TimeProblem];
        var startNs = endNs - (long)TimeSpan.FromHours(1).TotalNanoseconds;
        if (Start is not null && !UnixTime.TryParseQueryNs(Start, out startNs)) problems["start"] = [TimeProblem];
        if (problems.Count == 0 && startNs >= endNs) problems["start"] = ["must be before end"];
        else if (problems.Count == 0 && endNs - startNs > (long)MaxWindow.TotalNanoseconds)
            problems["start"] = [$"the window from start to end must not exceed {MaxWindow.TotalHours} hours"];
        if (Limit is < 1 or > MaxLimit) problems["limit"] = [$"must be between 1 and {MaxLimit}"];
        return problems.Count > 0 ? null : (startNs, endNs);
    }
}
