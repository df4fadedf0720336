using System.Text;
using AirisEpm.Protocols;
using AirisEpm.Protocols.Ingest;
using AirisEpm.Protocols.Otlp;
using AirisEpm.Protocols.Otlp.Proto;
using AirisEpm.TraceService.Ingest.Otlp;
using AirisEpm.TraceService.Ingest.Zipkin;
using CsCheck;
using Google.Protobuf;
using static AirisEpm.TraceService.Tests.Support.OtlpRequests;
using StoredSpan = AirisEpm.TraceService.Domain.Span;

namespace AirisEpm.TraceService.Tests.Ingest;

/// <summary>
/// Random and mutated bodies: each parser either refuses (MalformedPayloadException, or problems named)
/// or yields spans that hold the model's invariants; nothing else escapes.
/// </summary>
public sealed class ParserPropertyTests
{
    private static readonly byte[] ValidProtobuf = ValidRequest().ToByteArray();
    private static readonly byte[] ValidJson = Encoding.UTF8.GetBytes(Support.OtlpJson.From(ValidRequest()));

    [Fact]
    public void Otlp_protobuf_random_and_mutated_bodies_are_refused_or_valid()
    {
        Gen.OneOf(Gen.Byte.Array[0, 300], Mutated(ValidProtobuf)).Sample(bytes => Otlp(bytes, json: false), iter: 5000);
    }

    [Fact]
    public void Otlp_json_random_and_mutated_bodies_are_refused_or_valid()
    {
        Gen.OneOf(Gen.String.Select(s => Encoding.UTF8.GetBytes(s)), Mutated(ValidJson)).Sample(bytes => Otlp(bytes, json: true), iter: 5000);
    }

    [Fact]
    public void Zipkin_random_and_mutated_bodies_are_refused_or_valid()
    {
        var valid = ZipkinSpanReaderTests.DaprdBatch;
        Gen.OneOf(Gen.Byte.Array[0, 300], Gen.String.Select(s => Encoding.UTF8.GetBytes(s)), Mutated(valid)).Sample(Zipkin, iter: 5000);
    }

    [Fact]
    public void Zipkin_proto3_random_truncated_and_mutated_bodies_are_refused_or_valid()
    {
        var valid = ZipkinProtoFixtures.DaprdBatch;
        Gen.OneOf(Gen.Byte.Array[0, 300], Truncated(valid), Mutated(valid)).Sample(ZipkinProto, iter: 5000);
    }

    /// <summary>A valid body cut short anywhere: mid-field, mid-span or (still valid) between spans.</summary>
    internal static Gen<byte[]> Truncated(byte[] valid) => Gen.Int[0, valid.Length - 1].Select(length => valid[..length]);

    /// <summary>Overwrites one to six bytes of a valid body: mostly still near-valid, so the checks past the parse run too.</summary>
    internal static Gen<byte[]> Mutated(byte[] valid) =>
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte).Array[1, 6].Select(edits =>
        {
            var copy = (byte[])valid.Clone();
            foreach (var (at, value) in edits) copy[at] = value;
            return copy;
        });

    private static void Otlp(byte[] bytes, bool json)
    {
        ExportTraceServiceRequest request;
        try
        {
            request = OtlpBody.Parse(bytes, json, ExportTraceServiceRequest.Parser);
        }
        catch (MalformedPayloadException)
        {
            return;
        }

        var problems = new IngestProblems();
        var spans = OtlpSpanConverter.Convert(request, problems);
        Valid(spans);
    }

    private static void Zipkin(byte[] bytes)
    {
        var problems = new IngestProblems();
        List<StoredSpan> spans;
        try
        {
            spans = ZipkinSpanReader.Read(bytes, problems);
        }
        catch (MalformedPayloadException)
        {
            return;
        }

        Valid(spans);
    }

    private static void ZipkinProto(byte[] bytes)
    {
        var problems = new IngestProblems();
        List<StoredSpan> spans;
        try
        {
            spans = ZipkinProtoReader.Read(bytes, problems);
        }
        catch (MalformedPayloadException)
        {
            return;
        }

        Valid(spans);
    }

    /// <summary>Spans a parser yields hold the model's invariants, whatever else in the batch was wrong.</summary>
    private static void Valid(List<StoredSpan> spans)
    {
        foreach (var span in spans)
        {
            Assert.Matches("^[0-9a-f]{32}$", span.TraceId);
            Assert.Matches("^[0-9a-f]{16}$", span.SpanId);
            Assert.True(span.ParentSpanId is null || span.ParentSpanId.Length == 16);
            Assert.True(span.StartNs > 0 && span.DurationNs >= 0 && span.EndNs >= span.StartNs, $"times {span.StartNs} + {span.DurationNs}");
            Assert.False(string.IsNullOrEmpty(span.Service));
            Assert.True(Enum.IsDefined(span.Kind) && Enum.IsDefined(span.Status));
        }
    }

    private static ExportTraceServiceRequest ValidRequest()
    {
        var span = ValidSpan();
        span.Attributes.Add(Attribute("http.route", new AnyValue { StringValue = "/orders/{id}" }));
        span.Events.Add(new Protocols.Otlp.Proto.Span.Types.Event { TimeUnixNano = StartNs + 10, Name = "retry" });
        span.Links.Add(new Protocols.Otlp.Proto.Span.Types.Link { TraceId = Bytes(TraceHex), SpanId = Bytes(ParentHex) });
        return Request(span, ValidSpan("second"));
    }
}
