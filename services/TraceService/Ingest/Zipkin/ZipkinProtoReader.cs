using System.Net;
using AirisEpm.Protocols;
using AirisEpm.Protocols.Ingest;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Ingest.Zipkin;

/// <summary>
/// Zipkin v2 proto3 (<c>POST /api/v2/spans</c> with <c>application/x-protobuf</c>: a <c>zipkin.proto3.ListOfSpans</c>
/// of openzipkin/zipkin-api's <c>zipkin.proto</c>) as stored spans, read straight off the wire:
/// <code>
/// ListOfSpans { repeated Span spans = 1; }
/// Span        { bytes trace_id = 1; bytes parent_id = 2; bytes id = 3; Kind kind = 4; string name = 5;
///               fixed64 timestamp = 6; uint64 duration = 7; Endpoint local_endpoint = 8; Endpoint remote_endpoint = 9;
///               repeated Annotation annotations = 10; map&lt;string, string&gt; tags = 11; bool debug = 12; bool shared = 13; }
/// Endpoint    { string service_name = 1; bytes ipv4 = 2; bytes ipv6 = 3; int32 port = 4; }
/// Annotation  { fixed64 timestamp = 1; string value = 2; }
/// Kind        { SPAN_KIND_UNSPECIFIED = 0; CLIENT = 1; SERVER = 2; PRODUCER = 3; CONSUMER = 4; }
/// </code>
/// Ids are big-endian bytes (a trace id 8 or 16, a span id 8), kept as the JSON encoding's hex; an absent kind is
/// INTERNAL, as in JSON, and the rest maps as JSON does (<see cref="ZipkinSpanDraft.Build"/>). Problems are named by
/// index and proto field (<c>[3].trace_id</c>); bytes that are not protobuf (truncated, a bad wire type, invalid UTF-8)
/// throw <see cref="MalformedPayloadException"/>. Unknown fields are skipped.
/// </summary>
public static class ZipkinProtoReader
{
    public static List<Span> Read(ReadOnlySpan<byte> body, IngestProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var spans = new List<Span>();
        var resources = new Dictionary<string, IReadOnlyDictionary<string, AttributeValue>>(StringComparer.Ordinal);
        var reader = new ProtobufReader(body);
        var index = 0;
        try
        {
            while (reader.TryReadTag(out var field, out var wireType))
            {
                if (field != 1)
                {
                    reader.Skip(wireType);
                    continue;
                }

                reader.Expect(wireType, ProtobufReader.LengthDelimited, "spans");
                if (ReadSpan(reader.ReadBytes(), new ZipkinPath(index), resources, problems) is { } span)
                {
                    spans.Add(span);
                }

                index++;
            }
        }
        catch (MalformedPayloadException e)
        {
            throw new MalformedPayloadException($"Zipkin v2 proto3 ListOfSpans, at span [{index}]: {e.Message}");
        }

        return spans;
    }

    private static Span? ReadSpan(
        ReadOnlySpan<byte> bytes, ZipkinPath path, Dictionary<string, IReadOnlyDictionary<string, AttributeValue>> resources, IngestProblems problems)
    {
        var before = problems.Count;
        var span = new ZipkinSpanDraft();
        ReadOnlySpan<byte> traceId = default, id = default;
        var annotations = 0;
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1: reader.Expect(wireType, ProtobufReader.LengthDelimited, "trace_id"); traceId = reader.ReadBytes(); break;
                case 2: reader.Expect(wireType, ProtobufReader.LengthDelimited, "parent_id"); span.ParentId = ParentId(reader.ReadBytes(), path, problems); break;
                case 3: reader.Expect(wireType, ProtobufReader.LengthDelimited, "id"); id = reader.ReadBytes(); break;
                case 4: reader.Expect(wireType, ProtobufReader.Varint, "kind"); span.Kind = Kind(reader.ReadVarint(), path, problems); break;
                case 5: reader.Expect(wireType, ProtobufReader.LengthDelimited, "name"); span.Name = reader.ReadString(); break;
                case 6: reader.Expect(wireType, ProtobufReader.Fixed64, "timestamp"); span.Timestamp = Micros(reader.ReadFixed64(), path.Then("timestamp"), problems, out var bad); span.BadTimestamp = bad; break;
                case 7: reader.Expect(wireType, ProtobufReader.Varint, "duration"); span.Duration = Micros(reader.ReadVarint(), path.Then("duration"), problems, out _); break;
                case 8: reader.Expect(wireType, ProtobufReader.LengthDelimited, "local_endpoint"); span.Local = Endpoint(reader.ReadBytes(), path.Then("local_endpoint"), problems); break;
                case 9: reader.Expect(wireType, ProtobufReader.LengthDelimited, "remote_endpoint"); span.Remote = Endpoint(reader.ReadBytes(), path.Then("remote_endpoint"), problems); break;
                case 10: reader.Expect(wireType, ProtobufReader.LengthDelimited, "annotations"); Annotation(reader.ReadBytes(), new ZipkinPath(path.Index, $"annotations[{annotations++}]"), span.Events ??= [], problems); break;
                case 11: reader.Expect(wireType, ProtobufReader.LengthDelimited, "tags"); Tag(reader.ReadBytes(), span.Tags); break;
                case 12: reader.Expect(wireType, ProtobufReader.Varint, "debug"); span.Debug = reader.ReadVarint() != 0; break;
                case 13: reader.Expect(wireType, ProtobufReader.Varint, "shared"); span.Shared = reader.ReadVarint() != 0; break;
                default: reader.Skip(wireType); break;
            }
        }

        span.TraceId = TraceId(traceId, path.Then("trace_id"), problems);
        span.Id = SpanId(id, path.Then("id"), problems, "required (8 bytes)");
        return span.Build(path, resources, problems, before);
    }

    /// <summary>8 or 16 bytes; an 8-byte id is padded on the left to 32 hex digits, as the JSON reader pads 16 digits.</summary>
    private static string? TraceId(ReadOnlySpan<byte> bytes, ZipkinPath path, IngestProblems problems)
    {
        if (bytes.Length is not (8 or 16))
        {
            problems.Add(path.ToString(), bytes.IsEmpty ? "required (8 or 16 bytes)" : $"{bytes.Length} bytes; a trace id is 8 or 16");
            return null;
        }

        return NonZeroHex(bytes, path, problems)?.PadLeft(32, '0');
    }

    private static string? SpanId(ReadOnlySpan<byte> bytes, ZipkinPath path, IngestProblems problems, string missing)
    {
        if (bytes.Length != 8)
        {
            problems.Add(path.ToString(), bytes.IsEmpty ? missing : $"{bytes.Length} bytes; a span id is 8");
            return null;
        }

        return NonZeroHex(bytes, path, problems);
    }

    /// <summary>Absent, empty or all zero is a root span, as the JSON reader takes an empty or zero <c>parentId</c>.</summary>
    private static string? ParentId(ReadOnlySpan<byte> bytes, ZipkinPath path, IngestProblems problems) =>
        bytes.IndexOfAnyExcept((byte)0) < 0 ? null : SpanId(bytes, path.Then("parent_id"), problems, "");

    private static string? NonZeroHex(ReadOnlySpan<byte> bytes, ZipkinPath path, IngestProblems problems)
    {
        if (bytes.IndexOfAnyExcept((byte)0) < 0)
        {
            problems.Add(path.ToString(), "all zero, which is not a valid id");
            return null;
        }

        return Convert.ToHexStringLower(bytes);
    }

    private static SpanKind Kind(ulong kind, ZipkinPath path, IngestProblems problems)
    {
        switch (kind)
        {
            case 0: return SpanKind.Internal;
            case 1: return SpanKind.Client;
            case 2: return SpanKind.Server;
            case 3: return SpanKind.Producer;
            case 4: return SpanKind.Consumer;
            default:
                problems.Add(path.Then("kind").ToString(), $"{kind} is not CLIENT (1), SERVER (2), PRODUCER (3) or CONSUMER (4)");
                return SpanKind.Unspecified;
        }
    }

    private static long? Micros(ulong value, ZipkinPath path, IngestProblems problems, out bool bad)
    {
        bad = value > ZipkinSpanDraft.MaxMicros;
        if (!bad) return (long)value;
        problems.Add(path.ToString(), $"a whole number of microseconds from 0 to {ZipkinSpanDraft.MaxMicros}");
        return null;
    }

    private static ZipkinEndpoint Endpoint(ReadOnlySpan<byte> bytes, ZipkinPath path, IngestProblems problems)
    {
        string? service = null, ipv4 = null, ipv6 = null;
        int? port = null;
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1: reader.Expect(wireType, ProtobufReader.LengthDelimited, "service_name"); service = reader.ReadString(); break;
                case 2: reader.Expect(wireType, ProtobufReader.LengthDelimited, "ipv4"); ipv4 = Address(reader.ReadBytes(), 4, path.Then("ipv4"), problems); break;
                case 3: reader.Expect(wireType, ProtobufReader.LengthDelimited, "ipv6"); ipv6 = Address(reader.ReadBytes(), 16, path.Then("ipv6"), problems); break;
                case 4: reader.Expect(wireType, ProtobufReader.Varint, "port"); port = Port(reader.ReadVarint(), path.Then("port"), problems); break;
                default: reader.Skip(wireType); break;
            }
        }

        return new ZipkinEndpoint(service is { Length: > 0 } ? service : null, ipv4, ipv6, port);
    }

    private static string? Address(ReadOnlySpan<byte> bytes, int length, ZipkinPath path, IngestProblems problems)
    {
        if (bytes.IsEmpty) return null;
        if (bytes.Length == length) return new IPAddress(bytes).ToString();
        problems.Add(path.ToString(), $"{bytes.Length} bytes; an address here is {length}");
        return null;
    }

    /// <summary>An int32 on the wire; a negative one is sign-extended to ten bytes, so anything past 65535 is refused.</summary>
    private static int? Port(ulong value, ZipkinPath path, IngestProblems problems)
    {
        if (value <= ushort.MaxValue) return value == 0 ? null : (int)value;
        problems.Add(path.ToString(), $"a port from 0 to {ushort.MaxValue}");
        return null;
    }

    private static void Annotation(ReadOnlySpan<byte> bytes, ZipkinPath at, List<SpanEvent> events, IngestProblems problems)
    {
        ulong? timestamp = null;
        string? value = null;
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1: reader.Expect(wireType, ProtobufReader.Fixed64, "annotations.timestamp"); timestamp = reader.ReadFixed64(); break;
                case 2: reader.Expect(wireType, ProtobufReader.LengthDelimited, "annotations.value"); value = reader.ReadString(); break;
                default: reader.Skip(wireType); break;
            }
        }

        if (timestamp is null or 0) problems.Add(at.Then("timestamp").ToString(), "required: microseconds since the epoch");
        else if (Micros(timestamp.Value, at.Then("timestamp"), problems, out _) is { } micros) events.Add(new SpanEvent(micros * 1000, value ?? "", new Dictionary<string, AttributeValue>()));
    }

    /// <summary>One map entry (key = 1, value = 2); a missing key or value is the empty string, as proto3 maps read them.</summary>
    private static void Tag(ReadOnlySpan<byte> bytes, Dictionary<string, AttributeValue> tags)
    {
        string key = "", value = "";
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1: reader.Expect(wireType, ProtobufReader.LengthDelimited, "tags.key"); key = reader.ReadString(); break;
                case 2: reader.Expect(wireType, ProtobufReader.LengthDelimited, "tags.value"); value = reader.ReadString(); break;
                default: reader.Skip(wireType); break;
            }
        }

        tags[key] = AttributeValue.Of(value);
    }
}
