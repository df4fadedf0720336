using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;

namespace AirisEpm.LogService.Parsing;

/// <summary>
/// Finds trace and span ids in parsed fields and in free text. Ids are validated (hex of the right
/// length, not all zeros) and lowercased, so what the store keeps always joins with trace-service's
/// spans. A 16-hex trace id (Zipkin/Jaeger 64-bit) is left-padded to 32 as OpenTelemetry does;
/// Datadog's <c>dd.trace_id</c>/<c>dd.span_id</c> are decimal 64-bit numbers and are converted.
/// All scans are linear in the input.
/// </summary>
public static class TraceContextParser
{
    /// <summary>Field names holding a trace id, in the order they are tried.</summary>
    public static readonly IReadOnlyList<string> TraceIdKeys =
        ["trace_id", "traceId", "traceid", "TraceId", "trace.id", "otel.trace_id", "@tr", "dd.trace_id"];

    /// <summary>Field names holding a span id, in the order they are tried.</summary>
    public static readonly IReadOnlyList<string> SpanIdKeys =
        ["span_id", "spanId", "spanid", "SpanId", "span.id", "otel.span_id", "@sp", "dd.span_id"];

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");
    private static readonly SearchValues<char> UpperHexLetters = SearchValues.Create("ABCDEF");

    private const string TraceparentKey = "traceparent";

    /// <summary>Up to this many fields, one pass over them is cheaper than probing every id key.</summary>
    private const int ScanThreshold = 16;

    private static readonly FrozenSet<string> AllIdKeys = TraceIdKeys.Concat(SpanIdKeys).Append(TraceparentKey).ToFrozenSet(StringComparer.Ordinal);
    private const int TraceparentLength = 55; // 00-<32>-<16>-<2>

    /// <summary>
    /// Takes the first valid trace id and span id from <paramref name="fields"/> (then a
    /// <c>traceparent</c> field), removing the keys it used so they are not stored twice.
    /// Invalid values stay in the fields untouched.
    /// </summary>
    public static TraceContext FromFields(IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 0 || (fields.Count <= ScanThreshold && !HasIdKey(fields))) return default;
        var traceId = Take(fields, TraceIdKeys, isTrace: true);
        var spanId = Take(fields, SpanIdKeys, isTrace: false);
        if (traceId is null && fields.TryGetValue(TraceparentKey, out var header) && TryParseTraceparent(header, out var parsed))
        {
            fields.Remove(TraceparentKey);
            traceId = parsed.TraceId;
            spanId ??= parsed.SpanId;
        }
        return new TraceContext(traceId, spanId);
    }

    /// <summary>A whole <c>traceparent</c> header value: <c>version-traceid-parentid-flags</c>.</summary>
    public static bool TryParseTraceparent(ReadOnlySpan<char> value, out TraceContext context)
    {
        value = value.Trim();
        context = default;
        if (value.Length < TraceparentLength) return false;
        // Versions above 00 may append fields after another '-'; version 00 is exactly 55 characters.
        if (value.Length > TraceparentLength && (value.StartsWith("00") || value[TraceparentLength] != '-')) return false;
        return TryParseAt(value, 0, out context);
    }

    /// <summary>The first W3C traceparent anywhere in <paramref name="text"/>, standing alone (not inside a longer hex run).</summary>
    public static bool TryFindTraceparent(ReadOnlySpan<char> text, out TraceContext context)
    {
        context = default;
        var from = 2;
        while (from <= text.Length - TraceparentLength + 2)
        {
            var dash = text[from..].IndexOf('-');
            if (dash < 0) return false;
            var start = from + dash - 2;
            if (start + TraceparentLength > text.Length) return false;
            if ((start == 0 || !char.IsAsciiLetterOrDigit(text[start - 1]))
                && (start + TraceparentLength == text.Length || !char.IsAsciiLetterOrDigit(text[start + TraceparentLength]))
                && TryParseAt(text, start, out context))
            {
                return true;
            }
            from += dash + 1;
        }
        return false;
    }

    /// <summary>32 hex (or 16, left-padded), lowercased; null when not hex, the wrong length, or all zeros.</summary>
    public static string? NormalizeTraceId(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.Length == 16 && IsHex(value)) return AllZero(value) ? null : string.Concat("0000000000000000", Lower(value));
        return value.Length == 32 && IsHex(value) && !AllZero(value) ? Lower(value) : null;
    }

    /// <summary>16 hex, lowercased; null when not hex, the wrong length, or all zeros.</summary>
    public static string? NormalizeSpanId(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        return value.Length == 16 && IsHex(value) && !AllZero(value) ? Lower(value) : null;
    }

    private static bool HasIdKey(IDictionary<string, string> fields)
    {
        if (fields is Dictionary<string, string> dictionary)
        {
            foreach (var key in dictionary.Keys)
            {
                if (AllIdKeys.Contains(key)) return true;
            }
            return false;
        }
        return fields.Keys.Any(AllIdKeys.Contains);
    }

    private static string? Take(IDictionary<string, string> fields, IReadOnlyList<string> keys, bool isTrace)
    {
        foreach (var key in keys)
        {
            if (!fields.TryGetValue(key, out var value)) continue;
            if (key.StartsWith("dd.", StringComparison.Ordinal)) value = FromDatadog(value);
            var id = Normalize(value, isTrace);
            if (id is null) continue;
            fields.Remove(key);
            return id;
        }
        return null;
    }

    /// <summary>An id already in canonical form (the usual case) is returned as it is, without a copy.</summary>
    private static string? Normalize(string value, bool isTrace)
    {
        if (value.Length == (isTrace ? 32 : 16) && IsHex(value) && !value.AsSpan().ContainsAny(UpperHexLetters) && !AllZero(value)) return value;
        return isTrace ? NormalizeTraceId(value) : NormalizeSpanId(value);
    }

    /// <summary>Datadog writes ids as unsigned 64-bit decimals; a hex value is taken as it is.</summary>
    private static string FromDatadog(string value) =>
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id.ToString("x16", CultureInfo.InvariantCulture) : value;

    private static bool TryParseAt(ReadOnlySpan<char> text, int start, out TraceContext context)
    {
        context = default;
        var s = text.Slice(start, TraceparentLength);
        if (s[2] != '-' || s[35] != '-' || s[52] != '-') return false;
        var version = s[..2];
        if (!IsHex(version) || version.Equals("ff", StringComparison.OrdinalIgnoreCase) || !IsHex(s[53..55])) return false;
        var traceId = s.Slice(3, 32);
        var spanId = s.Slice(36, 16);
        if (!IsHex(traceId) || !IsHex(spanId) || AllZero(traceId) || AllZero(spanId)) return false;
        context = new TraceContext(Lower(traceId), Lower(spanId));
        return true;
    }

    private static bool IsHex(ReadOnlySpan<char> s) => !s.ContainsAnyExcept(HexDigits);

    private static bool AllZero(ReadOnlySpan<char> s) => !s.ContainsAnyExcept('0');

    private static string Lower(ReadOnlySpan<char> s) =>
        s.ContainsAny(UpperHexLetters) ? string.Create(s.Length, s, static (dst, src) => src.ToLowerInvariant(dst)) : s.ToString();
}
