using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using AirisEpm.ServiceDefaults.WriteAhead;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Storage.DuckDb;

/// <summary>
/// A batch of spans as the rows of <c>spans</c> in bytes: the trace store's write-ahead log frame, and what its applier
/// appends to DuckDB without making a .NET string (the appender takes each text as its UTF-8 bytes). Layout:
/// <code>
///   byte     version (2; 1 kept events and links as JSON)
///   varint   rows
///   per row: str trace_id, str span_id, str parent_span_id ("" = none), str service, str name,
///            byte kind, int64 LE start_ns, int64 LE duration_ns, byte status, nstr status_message,
///            str attributes, str resource (<see cref="AttributeText"/>), bytes events, bytes links
///   events   = varint count, per event: int64 LE time_ns, str name, str attributes
///   links    = varint count, per link: str trace_id, str span_id, str attributes
///   str  = varint byte length, UTF-8;   nstr = varint (length + 1), 0 for null, then UTF-8;   bytes = varint length, bytes
/// </code>
/// A length may be written with more varint bytes than it needs (a string is encoded once, after room for the
/// longest length it could have); readers take such varints as any other.
/// The resource text is made once per resource map a batch's spans share (the OTLP converter gives the spans of one
/// resource the same map). One row's bytes, as they are in the frame, are also what <c>spans.row</c> keeps: reads
/// decode a span from that one column (<see cref="ReadSpan"/>, <see cref="ReadHead"/>).
/// </summary>
internal static class SpanRowCodec
{
    private const byte Version = 2;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Encode(IReadOnlyList<Span> spans, IBufferWriter<byte> output)
    {
        output.GetSpan(1)[0] = Version;
        output.Advance(1);
        WriteVarint(output, (ulong)spans.Count);
        var attributes = new ArrayBufferWriter<byte>(256);
        var nested = new ArrayBufferWriter<byte>(256);
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
            if (span.StatusMessage is null) WriteVarint(output, 0);
            else WriteString(output, span.StatusMessage, plusOne: true);
            WriteAttributes(output, span.Attributes, attributes);
            if (!ReferenceEquals(span.Resource, lastResource))
            {
                attributes.ResetWrittenCount();
                AttributeText.Write(span.Resource, attributes);
                (lastResource, resourceText) = (span.Resource, attributes.WrittenSpan.ToArray());
            }

            WriteBytes(output, resourceText);
            nested.ResetWrittenCount();
            WriteVarint(nested, (ulong)span.Events.Count);
            foreach (var e in span.Events)
            {
                BinaryPrimitives.WriteInt64LittleEndian(nested.GetSpan(8), e.TimeNs);
                nested.Advance(8);
                WriteString(nested, e.Name);
                WriteAttributes(nested, e.Attributes, attributes);
            }

            WriteBytes(output, nested.WrittenSpan);
            nested.ResetWrittenCount();
            WriteVarint(nested, (ulong)span.Links.Count);
            foreach (var link in span.Links)
            {
                WriteString(nested, link.TraceId);
                WriteString(nested, link.SpanId);
                WriteAttributes(nested, link.Attributes, attributes);
            }

            WriteBytes(output, nested.WrittenSpan);
        }
    }

    /// <summary>The rows of one encoded batch, as places in <paramref name="payload"/>; throws <see cref="InvalidDataException"/> on bytes <see cref="Encode"/> did not write.</summary>
    public static SpanRow[] Decode(ReadOnlySpan<byte> payload)
    {
        var rows = new List<SpanRow>();
        Decode(payload, rows);
        return [.. rows];
    }

    /// <summary>As <see cref="Decode(ReadOnlySpan{byte})"/>, adding the rows to <paramref name="rows"/>; returns how many.</summary>
    public static int Decode(ReadOnlySpan<byte> payload, List<SpanRow> rows)
    {
        var reader = new Reader(payload);
        if (reader.Byte() != Version) throw new InvalidDataException("not a span rows frame of version 2");
        var count = reader.Varint();
        if (count > (ulong)payload.Length) throw new InvalidDataException("more rows than bytes");
        rows.EnsureCapacity(rows.Count + (int)count);
        for (var i = 0UL; i < count; i++)
        {
            rows.Add(reader.Row());
        }

        if (!reader.End) throw new InvalidDataException("bytes after the last row");
        return (int)count;
    }

    /// <summary>The span one row's bytes (<c>spans.row</c>) hold; throws <see cref="InvalidDataException"/> on bytes that are not one row.</summary>
    public static Span ReadSpan(ReadOnlySpan<byte> bytes)
    {
        var row = One(bytes);
        return new Span(Text(bytes, row.TraceId), Text(bytes, row.SpanId), row.ParentSpanId.Length == 0 ? null : Text(bytes, row.ParentSpanId),
            Text(bytes, row.Service), Text(bytes, row.Name), (SpanKind)row.Kind, row.StartNs, row.DurationNs, (SpanStatus)row.Status,
            row.StatusMessage is { } message ? Text(bytes, message) : null,
            AttributeText.Read(Text(bytes, row.Attributes)), AttributeText.Read(Text(bytes, row.Resource)),
            Events(bytes.Slice(row.Events.Offset, row.Events.Length)), Links(bytes.Slice(row.Links.Offset, row.Links.Length)));
    }

    /// <summary>
    /// As <see cref="ReadSpan(ReadOnlySpan{byte})"/>, with the trace id, span texts and attribute maps shared through
    /// <paramref name="texts"/> with the other rows of the same read.
    /// </summary>
    public static Span ReadSpan(ReadOnlySpan<byte> bytes, SpanRowTexts texts)
    {
        var row = One(bytes);
        return new Span(texts.Text(Slice(bytes, row.TraceId)), Text(bytes, row.SpanId),
            row.ParentSpanId.Length == 0 ? null : texts.Text(Slice(bytes, row.ParentSpanId)),
            texts.Text(Slice(bytes, row.Service)), texts.Text(Slice(bytes, row.Name)), (SpanKind)row.Kind, row.StartNs, row.DurationNs,
            (SpanStatus)row.Status, row.StatusMessage is { } message ? texts.Text(Slice(bytes, message)) : null,
            texts.Attributes(Slice(bytes, row.Attributes)), texts.Attributes(Slice(bytes, row.Resource)),
            Events(bytes.Slice(row.Events.Offset, row.Events.Length)), Links(bytes.Slice(row.Links.Offset, row.Links.Length)));
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> bytes, TextRange range) => bytes.Slice(range.Offset, range.Length);

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

    private static IReadOnlyList<SpanEvent> Events(ReadOnlySpan<byte> block)
    {
        var reader = new Reader(block);
        var count = reader.Varint();
        if (count == 0) return reader.End ? [] : throw new InvalidDataException("bytes after the events");
        if (count > (ulong)block.Length) throw new InvalidDataException("more events than bytes");
        var events = new List<SpanEvent>((int)count);
        for (var i = 0UL; i < count; i++)
        {
            var time = reader.Int64();
            var name = reader.Text();
            events.Add(new SpanEvent(time, Text(block, name), AttributeText.Read(Text(block, reader.Text()))));
        }

        return reader.End ? events : throw new InvalidDataException("bytes after the events");
    }

    private static IReadOnlyList<SpanLink> Links(ReadOnlySpan<byte> block)
    {
        var reader = new Reader(block);
        var count = reader.Varint();
        if (count == 0) return reader.End ? [] : throw new InvalidDataException("bytes after the links");
        if (count > (ulong)block.Length) throw new InvalidDataException("more links than bytes");
        var links = new List<SpanLink>((int)count);
        for (var i = 0UL; i < count; i++)
        {
            var (traceId, spanId) = (reader.Text(), reader.Text());
            links.Add(new SpanLink(Text(block, traceId), Text(block, spanId), AttributeText.Read(Text(block, reader.Text()))));
        }

        return reader.End ? links : throw new InvalidDataException("bytes after the links");
    }

    /// <summary>
    /// The string's UTF-8 after its length (plus one for a nullable string), encoded in one pass: room is taken for the
    /// longest encoding, and the length is written in as many varint bytes as that room's length would need.
    /// </summary>
    private static void WriteString(IBufferWriter<byte> output, string text, bool plusOne = false)
    {
        var most = Encoding.UTF8.GetMaxByteCount(text.Length) + (plusOne ? 1 : 0);
        var prefix = VarintSize((ulong)most);
        var span = output.GetSpan(prefix + most);
        var written = Encoding.UTF8.GetBytes(text, span[prefix..]);
        var length = (ulong)written + (plusOne ? 1UL : 0UL);
        for (var i = 0; i < prefix - 1; i++, length >>= 7)
        {
            span[i] = (byte)(length | 0x80);
        }

        span[prefix - 1] = (byte)length;
        output.Advance(prefix + written);
    }

    private static void WriteAttributes(IBufferWriter<byte> output, IReadOnlyDictionary<string, AttributeValue> attributes, ArrayBufferWriter<byte> scratch)
    {
        scratch.ResetWrittenCount();
        AttributeText.Write(attributes, scratch);
        WriteBytes(output, scratch.WrittenSpan);
    }

    private static int VarintSize(ulong value)
    {
        var size = 1;
        for (; value >= 0x80; value >>= 7) size++;
        return size;
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

    /// <summary>The shared payload reader with the row layout's texts (as ranges of the payload) and rows.</summary>
    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private PayloadReader _payload = new(bytes, "a span rows frame");

        public readonly bool End => _payload.End;

        public byte Byte() => _payload.ReadByte();

        public long Int64() => _payload.ReadInt64();

        public ulong Varint() => _payload.ReadVarint();

        public TextRange Text() => Take(Varint());

        public TextRange? NullableText() => Varint() is var n and > 0 ? Take(n - 1) : null;

        public SpanRow Row()
        {
            var start = _payload.Position;
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
            return new SpanRow(new TextRange(start, _payload.Position - start), traceId, spanId, parent, service, name, kind, startNs, duration, status, message,
                attributes, resource, events, links);
        }

        private TextRange Take(ulong length) => new(_payload.Skip(length), (int)length);
    }
}

/// <summary>Where one text of a row lies in its frame's bytes.</summary>
internal readonly record struct TextRange(int Offset, int Length);

/// <summary>One row of <c>spans</c> inside an encoded frame (<see cref="SpanRowCodec"/>); <see cref="Whole"/> is all its bytes.</summary>
internal readonly record struct SpanRow(
    TextRange Whole, TextRange TraceId, TextRange SpanId, TextRange ParentSpanId, TextRange Service, TextRange Name,
    byte Kind, long StartNs, long DurationNs, byte Status, TextRange? StatusMessage,
    TextRange Attributes, TextRange Resource, TextRange Events, TextRange Links);
