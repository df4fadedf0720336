using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Storage.DuckDb;

/// <summary>
/// A batch of spans as the rows of <c>spans</c> in bytes: the trace store's write-ahead log frame, and what its applier
/// appends to DuckDB without making a .NET string (the appender takes each text as its UTF-8 bytes). Layout:
/// <code>
///   byte     version (1)
///   varint   rows
///   per row: str trace_id, str span_id, str parent_span_id ("" = none), str service, str name,
///            byte kind, int64 LE start_ns, int64 LE duration_ns, byte status, nstr status_message,
///            str attributes, str resource (<see cref="AttributeText"/>), str events, str links (<see cref="SpanJson"/>)
///   str  = varint byte length, UTF-8;   nstr = varint (length + 1), 0 for null, then UTF-8
/// </code>
/// The resource text is made once per resource map a batch's spans share (the OTLP converter gives the spans of one
/// resource the same map). One row's bytes, as they are in the frame, are also what <c>spans.row</c> keeps: reads
/// decode a span from that one column (<see cref="ReadSpan"/>, <see cref="ReadHead"/>).
/// </summary>
internal static class SpanRowCodec
{
    private const byte Version = 1;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Encode(IReadOnlyList<Span> spans, IBufferWriter<byte> output)
    {
        output.GetSpan(1)[0] = Version;
        output.Advance(1);
        WriteVarint(output, (ulong)spans.Count);
        var scratch = new ArrayBufferWriter<byte>(256);
        IReadOnlyDictionary<string, AttributeValue>? lastResource = null;
        byte[] resourceText = [];
        foreach (var span in spans)
        {
            WriteString(output, span.TraceId);
            WriteString(output, span.SpanId);
            WriteString(output, span.ParentSpanId ?? "");
            WriteString(output, span.Service);
            WriteString(output, span.Name);
            var fixedPart = output.GetSpan(18);
            fixedPart[0] = (byte)span.Kind;
            BinaryPrimitives.WriteInt64LittleEndian(fixedPart[1..], span.StartNs);
            BinaryPrimitives.WriteInt64LittleEndian(fixedPart[9..], span.DurationNs);
            fixedPart[17] = (byte)span.Status;
            output.Advance(18);
            if (span.StatusMessage is null)
            {
                WriteVarint(output, 0);
            }
            else
            {
                WriteVarint(output, (ulong)Encoding.UTF8.GetByteCount(span.StatusMessage) + 1);
                Encoding.UTF8.GetBytes(span.StatusMessage, output);
            }

            scratch.ResetWrittenCount();
            AttributeText.Write(span.Attributes, scratch);
            WriteBytes(output, scratch.WrittenSpan);
            if (!ReferenceEquals(span.Resource, lastResource))
            {
                scratch.ResetWrittenCount();
                AttributeText.Write(span.Resource, scratch);
                (lastResource, resourceText) = (span.Resource, scratch.WrittenSpan.ToArray());
            }

            WriteBytes(output, resourceText);
            WriteString(output, span.Events.Count == 0 ? "[]" : SpanJson.Events(span.Events));
            WriteString(output, span.Links.Count == 0 ? "[]" : SpanJson.Links(span.Links));
        }
    }

    /// <summary>The rows of one encoded batch, as places in <paramref name="payload"/>; throws <see cref="InvalidDataException"/> on bytes <see cref="Encode"/> did not write.</summary>
    public static SpanRow[] Decode(ReadOnlySpan<byte> payload)
    {
        var reader = new Reader(payload);
        if (reader.Byte() != Version) throw new InvalidDataException("not a span rows frame of version 1");
        var count = reader.Varint();
        if (count > (ulong)payload.Length) throw new InvalidDataException("more rows than bytes");
        var rows = new SpanRow[count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = reader.Row();
        }

        if (!reader.End) throw new InvalidDataException("bytes after the last row");
        return rows;
    }

    /// <summary>The span one row's bytes (<c>spans.row</c>) hold; throws <see cref="InvalidDataException"/> on bytes that are not one row.</summary>
    public static Span ReadSpan(ReadOnlySpan<byte> bytes)
    {
        var row = One(bytes);
        return new Span(Text(bytes, row.TraceId), Text(bytes, row.SpanId), row.ParentSpanId.Length == 0 ? null : Text(bytes, row.ParentSpanId),
            Text(bytes, row.Service), Text(bytes, row.Name), (SpanKind)row.Kind, row.StartNs, row.DurationNs, (SpanStatus)row.Status,
            row.StatusMessage is { } message ? Text(bytes, message) : null,
            AttributeText.Read(Text(bytes, row.Attributes)), AttributeText.Read(Text(bytes, row.Resource)),
            SpanJson.ReadEvents(Text(bytes, row.Events)), SpanJson.ReadLinks(Text(bytes, row.Links)));
    }

    /// <summary>What a search summary needs of the span in one row's bytes, without decoding its attributes, events and links.</summary>
    public static SpanHead ReadHead(ReadOnlySpan<byte> bytes)
    {
        var row = One(bytes);
        return new SpanHead(Text(bytes, row.TraceId), Text(bytes, row.SpanId), row.ParentSpanId.Length == 0 ? null : Text(bytes, row.ParentSpanId),
            Text(bytes, row.Service), Text(bytes, row.Name), (SpanKind)row.Kind, row.StartNs, row.DurationNs, row.Status == (byte)SpanStatus.Error);
    }

    private static SpanRow One(ReadOnlySpan<byte> bytes)
    {
        var reader = new Reader(bytes);
        var row = reader.Row();
        if (!reader.End) throw new InvalidDataException("bytes after the row");
        return row;
    }

    private static string Text(ReadOnlySpan<byte> bytes, TextRange range)
    {
        try
        {
            return StrictUtf8.GetString(bytes.Slice(range.Offset, range.Length));
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException("a text of a span row is not UTF-8", e);
        }
    }

    private static void WriteString(IBufferWriter<byte> output, string text)
    {
        WriteVarint(output, (ulong)Encoding.UTF8.GetByteCount(text));
        Encoding.UTF8.GetBytes(text, output);
    }

    private static void WriteBytes(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        WriteVarint(output, (ulong)bytes.Length);
        output.Write(bytes);
    }

    private static void WriteVarint(IBufferWriter<byte> output, ulong value)
    {
        var span = output.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        output.Advance(i);
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public readonly bool End => _at == _bytes.Length;

        public byte Byte() => _at < _bytes.Length ? _bytes[_at++] : throw Cut();

        public long Int64()
        {
            if (_bytes.Length - _at < 8) throw Cut();
            var value = BinaryPrimitives.ReadInt64LittleEndian(_bytes[_at..]);
            _at += 8;
            return value;
        }

        public ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = Byte();
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return value;
            }

            throw new InvalidDataException("a varint longer than 10 bytes");
        }

        public TextRange Text() => Take(Varint());

        public TextRange? NullableText() => Varint() is var n and > 0 ? Take(n - 1) : null;

        public SpanRow Row()
        {
            var start = _at;
            var traceId = Text();
            var spanId = Text();
            var parent = Text();
            var service = Text();
            var name = Text();
            var kind = Byte();
            var startNs = Int64();
            var duration = Int64();
            var status = Byte();
            var message = NullableText();
            var (attributes, resource, events, links) = (Text(), Text(), Text(), Text());
            return new SpanRow(new TextRange(start, _at - start), traceId, spanId, parent, service, name, kind, startNs, duration, status, message,
                attributes, resource, events, links);
        }

        private TextRange Take(ulong length)
        {
            if (length > (ulong)(_bytes.Length - _at)) throw Cut();
            var range = new TextRange(_at, (int)length);
            _at += (int)length;
            return range;
        }

        private static InvalidDataException Cut() => new("a span rows frame cut short");
    }
}

/// <summary>Where one text of a row lies in its frame's bytes.</summary>
internal readonly record struct TextRange(int Offset, int Length);

/// <summary>One row of <c>spans</c> inside an encoded frame (<see cref="SpanRowCodec"/>); <see cref="Whole"/> is all its bytes.</summary>
internal readonly record struct SpanRow(
    TextRange Whole, TextRange TraceId, TextRange SpanId, TextRange ParentSpanId, TextRange Service, TextRange Name,
    byte Kind, long StartNs, long DurationNs, byte Status, TextRange? StatusMessage,
    TextRange Attributes, TextRange Resource, TextRange Events, TextRange Links);
