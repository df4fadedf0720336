using Google.Protobuf;

namespace AirisEpm.TraceService.Ingest.Otlp;

/// <summary>OTLP's binary trace and span ids, checked and turned into lowercase hex.</summary>
internal static class OtlpIds
{
    public const int TraceIdBytes = 16;
    public const int SpanIdBytes = 8;

    /// <summary>The id as hex; null with the reason when it is missing, of the wrong length or all zero (W3C: invalid).</summary>
    public static string? Required(ByteString id, int bytes, out string? problem)
    {
        problem = id.Length != bytes
            ? id.IsEmpty ? $"required ({bytes} bytes, {bytes * 2} hex digits)" : $"{id.Length} bytes; an id here is {bytes} bytes ({bytes * 2} hex digits)"
            : id.Span.IndexOfAnyExcept((byte)0) < 0 ? "all zero, which W3C trace context defines as invalid"
            : null;
        return problem is null ? System.Convert.ToHexStringLower(id.Span) : null;
    }

    /// <summary>A parent id: absent or all zero means a root span; any other length is a problem.</summary>
    public static string? Optional(ByteString id, int bytes, out string? problem)
    {
        problem = null;
        return id.IsEmpty || id.Span.IndexOfAnyExcept((byte)0) < 0 ? null : Required(id, bytes, out problem);
    }
}
