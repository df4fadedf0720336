using System.Globalization;

namespace AirisEpm.TraceService.Analysis.Dependencies;

/// <summary>
/// A span's (trace id, span id) as the extractor keys it: the stored ids (32 and 16 lowercase hex digits) as three
/// numbers, no string held; any other id (tests use names) is kept as its text, so two keys are equal exactly when
/// their ids are. The texts are made again when a call or a shared half needs them.
/// </summary>
internal readonly record struct SpanKey(ulong TraceHigh, ulong TraceLow, ulong Span, string? TraceText, string? SpanText)
{
    public string TraceId => TraceText ?? TraceHigh.ToString("x16", CultureInfo.InvariantCulture) + TraceLow.ToString("x16", CultureInfo.InvariantCulture);

    public string SpanId => SpanText ?? Span.ToString("x16", CultureInfo.InvariantCulture);

    public static SpanKey Of(string traceId, string spanId) =>
        traceId.Length == 32 && spanId.Length == 16 && Hex(traceId.AsSpan(0, 16), out var high) && Hex(traceId.AsSpan(16), out var low) && Hex(spanId, out var span)
            ? new SpanKey(high, low, span, null, null)
            : new SpanKey(0, 0, 0, traceId, spanId);

    /// <summary>Lowercase only: an upper-case id is another text, so it stays text rather than meet its lowercase twin.</summary>
    private static bool Hex(ReadOnlySpan<char> digits, out ulong value)
    {
        value = 0;
        foreach (var c in digits)
        {
            var nibble = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : -1;
            if (nibble < 0) return false;
            value = (value << 4) | (uint)nibble;
        }

        return true;
    }
}
