using AirisEpm.ServiceDefaults.Text;

namespace AirisEpm.TraceService.Apis.Dependencies;

/// <summary>
/// Reads a [start, end) window from the query string: RFC 3339 or Unix s, ms, µs or ns (<see cref="UnixTime"/>);
/// end defaults to now, start to an hour before end. Problems are collected by parameter name.
/// </summary>
internal static class GraphWindowParameters
{
    public const string TimeProblem = "not an RFC 3339 time or Unix seconds, ms, µs or ns";
    private static readonly long DefaultRangeNs = (long)TimeSpan.FromHours(1).TotalNanoseconds;

    public static (long StartNs, long EndNs) Window(
        string? start, string? end, string startName, string endName, long defaultEndNs, Dictionary<string, string[]> problems)
    {
        var endNs = defaultEndNs;
        if (end is not null && !UnixTime.TryParseQueryNs(end, out endNs))
            problems[endName] = [TimeProblem];
        var startNs = endNs - DefaultRangeNs;
        if (start is not null && !UnixTime.TryParseQueryNs(start, out startNs))
            problems[startName] = [TimeProblem];
        if (!problems.ContainsKey(startName) && !problems.ContainsKey(endName) && startNs >= endNs)
            problems[startName] = [$"must be before {endName}"];
        return (startNs, endNs);
    }

    public static long NowNs(TimeProvider time) => (time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
}
