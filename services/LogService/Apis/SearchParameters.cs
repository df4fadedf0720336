using System.Text;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Parsing;
using AirisEpm.LogService.Storage;
using AirisEpm.ServiceDefaults.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace AirisEpm.LogService.Apis;

/// <summary>
/// The query string every search-like endpoint shares: <c>q</c> (Lucene syntax), <c>service</c>,
/// <c>level</c>, <c>trace_id</c>, <c>pattern_id</c>, <c>start</c>/<c>end</c> (default: the last hour),
/// <c>limit</c> (1–1000, default 100), <c>cursor</c> (from a previous page), <c>highlight</c>, <c>buckets</c>.
/// </summary>
public sealed record SearchParameters(
    string? Q, string? Service, string? Level, [FromQuery(Name = "trace_id")] string? TraceId, [FromQuery(Name = "pattern_id")] string? PatternId,
    string? Start, string? End, int? Limit, string? Cursor, bool? Highlight, int? Buckets)
{
    public const int MaxLimit = 1000;
    public const int MaxBuckets = 500;
    public static readonly TimeSpan DefaultRange = TimeSpan.FromHours(1);

    /// <summary>The store query, or the problems by parameter name.</summary>
    public LogQuery? ToQuery(long nowNs, out Dictionary<string, string[]> problems)
    {
        problems = [];
        var endNs = nowNs + 1;
        if (End is not null && !UnixTime.TryParseQueryNs(End, out endNs)) problems["end"] = ["not an RFC 3339 time or Unix seconds, ms, µs or ns"];
        var startNs = endNs - (long)(DefaultRange.TotalMilliseconds * 1_000_000);
        if (Start is not null && !UnixTime.TryParseQueryNs(Start, out startNs)) problems["start"] = ["not an RFC 3339 time or Unix seconds, ms, µs or ns"];
        if (problems.Count == 0 && startNs >= endNs) problems["start"] = ["must be before end"];
        Severity? level = null;
        if (Level is { Length: > 0 })
        {
            level = SeverityParser.Parse(Level);
            if (level == Severity.Unknown) problems["level"] = ["unknown level: use trace, debug, info, warn, error or fatal"];
        }

        if (Limit is < 1 or > MaxLimit) problems["limit"] = [$"must be between 1 and {MaxLimit}"];
        if (Buckets is < 0 or > MaxBuckets) problems["buckets"] = [$"must be between 0 and {MaxBuckets}"];
        LogCursor? after = null;
        if (Cursor is { Length: > 0 } && !TryDecodeCursor(Cursor, out after)) problems["cursor"] = ["not a cursor this API gave out"];
        if (problems.Count > 0) return null;
        return new LogQuery(string.IsNullOrWhiteSpace(Q) ? null : Q, startNs, endNs, Limit ?? 100, NullIfEmpty(Service), level,
            NullIfEmpty(TraceId)?.ToLowerInvariant(), NullIfEmpty(PatternId), after, Highlight ?? false, Buckets ?? 0);
    }

    public static string EncodeCursor(LogCursor cursor) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{cursor.TimestampNs}:{cursor.Id}"));

    public static bool TryDecodeCursor(string text, out LogCursor? cursor)
    {
        cursor = null;
        try
        {
            var plain = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(text));
            var colon = plain.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !long.TryParse(plain.AsSpan(0, colon), System.Globalization.CultureInfo.InvariantCulture, out var ns)) return false;
            cursor = new LogCursor(ns, plain[(colon + 1)..]);
            return cursor.Id.Length is > 0 and <= 64;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
