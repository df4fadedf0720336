using System.Buffers;
using System.Data.Common;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Storage.DuckDb;

/// <summary>Spans and heads read from the one column that holds them whole, <c>spans.row</c> (<see cref="SpanRowCodec"/>).</summary>
internal static class DuckDbSpanRows
{
    public const string Column = "row";

    public static Span ReadSpan(DbDataReader r) => Read(r, static bytes => SpanRowCodec.ReadSpan(bytes));

    /// <summary>A span whose repeated texts and maps it shares with the read's other rows (<see cref="SpanRowTexts"/>).</summary>
    public static Span ReadSpan(DbDataReader r, SpanRowTexts texts) => Read(r, bytes => SpanRowCodec.ReadSpan(bytes, texts));

    public static SpanHead ReadHead(DbDataReader r) => Read(r, static bytes => SpanRowCodec.ReadHead(bytes));

    private static T Read<T>(DbDataReader r, Func<ReadOnlySpan<byte>, T> decode)
    {
        using var stream = r.GetStream(0);
        var length = (int)stream.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            stream.ReadExactly(buffer, 0, length);
            return decode(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
