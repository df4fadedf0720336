using AirisEpm.Protocols.Ingest;

namespace AirisEpm.TraceService.Ingest.Zipkin;

/// <summary>
/// Zipkin's hex ids as stored ids: a trace id is 16 or 32 hex digits (a 64-bit id is padded on the left
/// to 32, as Zipkin compares them), a span id 16; upper case is read as lower; all zero is invalid.
/// </summary>
internal static class ZipkinIds
{
    private static readonly System.Buffers.SearchValues<char> Hex = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    public static string? TraceId(string? hex, ZipkinPath path, IngestProblems problems)
    {
        if (hex is not { Length: 16 or 32 })
        {
            problems.Add(path.ToString(), hex is null ? "required (16 or 32 hex digits)" : $"{hex.Length} characters; a trace id is 16 or 32 hex digits");
            return null;
        }

        return Check(hex, path, problems) is { } id ? id.PadLeft(32, '0') : null;
    }

    public static string? SpanId(string? hex, ZipkinPath path, IngestProblems problems)
    {
        if (hex is not { Length: 16 })
        {
            problems.Add(path.ToString(), hex is null ? "required (16 hex digits)" : $"{hex.Length} characters; a span id is 16 hex digits");
            return null;
        }

        return Check(hex, path, problems);
    }

    /// <summary>A parent id: absent, empty or all zero means a root span (Zipkin reads them so too).</summary>
    public static string? ParentId(string? hex, ZipkinPath path, IngestProblems problems) =>
        string.IsNullOrEmpty(hex) || hex.AsSpan().IndexOfAnyExcept('0') < 0 ? null : SpanId(hex, path, problems);

    private static string? Check(string hex, ZipkinPath path, IngestProblems problems)
    {
        if (hex.AsSpan().ContainsAnyExcept(Hex))
        {
            problems.Add(path.ToString(), $"'{hex}' is not hex");
            return null;
        }

        if (hex.AsSpan().IndexOfAnyExcept('0') < 0)
        {
            problems.Add(path.ToString(), "all zero, which is not a valid id");
            return null;
        }

        return hex.ToLowerInvariant();
    }
}
