using AirisEpm.ServiceDefaults.Text;
using AirisEpm.TraceService.Apis.Jaeger;
using AirisEpm.TraceService.Storage;

namespace AirisEpm.TraceService.Apis;

/// <summary>
/// The query string of <c>GET /api/v1/traces</c>: <c>service</c>, <c>operation</c>, <c>tags</c> (space-separated
/// <c>key=value</c> pairs, as Jaeger UI's tag box takes them), <c>minDuration</c>/<c>maxDuration</c> (Go durations:
/// <c>250ms</c>, <c>1.5s</c>), <c>start</c>/<c>end</c> (RFC 3339 or Unix s, ms, µs, ns; default the last hour) and
/// <c>limit</c> (1–<see cref="MaxLimit"/>, default 20).
/// </summary>
public sealed record TraceSearchParameters(
    string? Service, string? Operation, string? Tags, string? MinDuration, string? MaxDuration, string? Start, string? End, int? Limit)
{
    public const int MaxLimit = 1_000;
    public const int DefaultLimit = 20;
    private const string TimeProblem = "not an RFC 3339 time or Unix seconds, ms, µs or ns";
    private static readonly long DefaultRangeNs = (long)TimeSpan.FromHours(1).TotalNanoseconds;

    /// <summary>The store query, or the problems by parameter name.</summary>
    public TraceQuery? ToQuery(long nowNs, out Dictionary<string, string[]> problems)
    {
        problems = [];
        var endNs = nowNs + 1;
        if (End is not null && !UnixTime.TryParseQueryNs(End, out endNs)) problems["end"] = [TimeProblem];
        var startNs = endNs - DefaultRangeNs;
        if (Start is not null && !UnixTime.TryParseQueryNs(Start, out startNs)) problems["start"] = [TimeProblem];
        if (problems.Count == 0 && startNs >= endNs) problems["start"] = ["must be before end"];
        var min = Duration("minDuration", MinDuration, problems);
        var max = Duration("maxDuration", MaxDuration, problems);
        if (min > max) problems["maxDuration"] = ["must not be less than minDuration"];
        if (Limit is < 1 or > MaxLimit) problems["limit"] = [$"must be between 1 and {MaxLimit}"];
        var tags = ParseTags(Tags, problems);
        if (problems.Count > 0) return null;
        return new TraceQuery(startNs, endNs, NullIfEmpty(Service), NullIfEmpty(Operation), tags, min, max, Limit ?? DefaultLimit);
    }

    private static long? Duration(string name, string? text, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var ns = GoDuration.TryParseNanoseconds(text, out var error);
        if (ns is null) problems[name] = [error!];
        return ns;
    }

    private static Dictionary<string, string>? ParseTags(string? text, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems["tags"] = [$"'{(pair.Length > 60 ? pair[..60] + "…" : pair)}' is not key=value"];
                return null;
            }

            tags[pair[..equals]] = pair[(equals + 1)..];
        }

        return tags;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
