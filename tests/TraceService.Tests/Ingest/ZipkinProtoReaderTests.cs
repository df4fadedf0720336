using System.Globalization;
using AirisEpm.Protocols;
using AirisEpm.Protocols.Ingest;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Ingest;
using AirisEpm.TraceService.Ingest.Zipkin;
using AirisEpm.TraceService.Tests.Ingest.ZipkinProto;
using Google.Protobuf;
using ProtoSpan = AirisEpm.TraceService.Tests.Ingest.ZipkinProto.Span;

namespace AirisEpm.TraceService.Tests.Ingest;

/// <summary>Zipkin proto3 bodies encoded by Google.Protobuf (<see cref="ZipkinProtoFixtures"/>), read by <see cref="ZipkinProtoReader"/>.</summary>
public sealed class ZipkinProtoReaderTests
{
    [Fact]
    public void Daprds_batch_in_proto3_gives_the_spans_its_json_gives()
    {
        var fromProto = Read(ZipkinProtoFixtures.DaprdBatch);
        var fromJson = ZipkinSpanReader.Read(ZipkinSpanReaderTests.DaprdBatch, new IngestProblems());

        Assert.Equal(4, fromProto.Count);
        Assert.Equal(fromJson.Select(Describe), fromProto.Select(Describe));
        var publish = fromProto[3];
        Assert.Equal((SpanKind.Producer, SpanStatus.Error), (publish.Kind, publish.Status));
        Assert.Equal("10.0.3.7", publish.Attributes["server.address"].Text);
        Assert.Equal(new AttributeValue(AttributeType.Int, "6379"), publish.Attributes["network.peer.port"]);
    }

    [Fact]
    public void An_8_byte_trace_id_is_padded_to_32_digits_and_zero_parent_is_a_root()
    {
        var span = ZipkinProtoFixtures.Minimal("a3ce929d0e0e4736");
        span.ParentId = ByteString.CopyFrom(new byte[8]);
        var read = Assert.Single(Read(List(span)));
        Assert.Equal("0000000000000000a3ce929d0e0e4736", read.TraceId);
        Assert.Equal("00f067aa0ba902b7", read.SpanId);
        Assert.Null(read.ParentSpanId);
        Assert.Equal((SpanKind.Internal, ServiceNames.Unknown, 1768478400000000L * 1000), (read.Kind, read.Service, read.StartNs));
    }

    [Fact]
    public void Ipv6_shared_and_debug_become_attributes()
    {
        var span = ZipkinProtoFixtures.Minimal();
        span.Kind = ProtoSpan.Types.Kind.Client;
        span.RemoteEndpoint = new Endpoint { Ipv6 = ByteString.CopyFrom(System.Net.IPAddress.Parse("2001:db8::1").GetAddressBytes()), Port = 8080 };
        span.LocalEndpoint = new Endpoint { ServiceName = "frontend", Ipv4 = ByteString.CopyFrom([10, 0, 0, 1]) };
        (span.Shared, span.Debug) = (true, true);
        var read = Assert.Single(Read(List(span)));
        Assert.Equal(("frontend", SpanKind.Client), (read.Service, read.Kind));
        Assert.Equal("2001:db8::1", read.Attributes["server.address"].Text);
        Assert.Equal("8080", read.Attributes["server.port"].Text);
        Assert.Equal("true", read.Attributes["zipkin.shared"].Text);
        Assert.Equal("true", read.Attributes["zipkin.debug"].Text);
    }

    [Fact]
    public void Bad_fields_are_problems_named_by_index_and_proto_field()
    {
        var shortTrace = ZipkinProtoFixtures.Minimal();
        shortTrace.TraceId = ByteString.CopyFrom([1, 2, 3, 4, 5]);
        var noId = ZipkinProtoFixtures.Minimal();
        noId.Id = ByteString.Empty;
        noId.Kind = (ProtoSpan.Types.Kind)9;
        var zeroTimestamp = ZipkinProtoFixtures.Minimal(timestamp: 0);
        zeroTimestamp.LocalEndpoint = new Endpoint { Ipv4 = ByteString.CopyFrom([10, 0, 0]), Port = -1 };
        zeroTimestamp.Annotations.Add(new Annotation { Timestamp = 1768478400000001, Value = "ok" });
        zeroTimestamp.Annotations.Add(new Annotation { Value = "no time" });
        var zeroParent = ZipkinProtoFixtures.Minimal(idHex: "0000000000000000");
        zeroParent.ParentId = ByteString.CopyFrom([1, 2]);

        var problems = new IngestProblems();
        var spans = ZipkinProtoReader.Read(List(ZipkinProtoFixtures.Minimal(), shortTrace, noId, zeroTimestamp, zeroParent), problems);

        Assert.Single(spans);
        var named = problems.ToDictionary();
        Assert.Equal(
            ["[1].trace_id", "[2].id", "[2].kind", "[3].annotations[1].timestamp", "[3].local_endpoint.ipv4", "[3].local_endpoint.port", "[3].timestamp", "[4].id", "[4].parent_id"],
            named.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("5 bytes", named["[1].trace_id"][0], StringComparison.Ordinal);
        Assert.Contains("all zero", named["[4].id"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_body_is_an_empty_list_and_unknown_fields_are_skipped()
    {
        Assert.Empty(Read([]));
        var span = ZipkinProtoFixtures.Minimal();
        var bytes = List(span).Concat(new byte[] { (15 << 3) | 0, 42 }).ToArray(); // field 15 of ListOfSpans, a varint
        Assert.Single(Read(bytes));
    }

    [Theory]
    [InlineData("cut")]
    [InlineData("wire type")]
    [InlineData("utf8")]
    public void Bytes_that_are_not_protobuf_are_malformed(string damage)
    {
        var span = ZipkinProtoFixtures.Minimal();
        var bytes = List(span);
        switch (damage)
        {
            case "cut":
                bytes = bytes[..^3];
                break;
            case "wire type":
                bytes[2] = (1 << 3) | 0; // the span's trace_id (field 1) as a varint
                break;
            default:
                span.Name = "ü";
                bytes = List(span);
                var at = bytes.AsSpan().IndexOf("ü"u8);
                bytes[at + 1] = 0xFF;
                break;
        }

        Assert.Throws<MalformedPayloadException>(() => ZipkinProtoReader.Read(bytes, new IngestProblems()));
    }

    private static byte[] List(params ProtoSpan[] spans)
    {
        var list = new ListOfSpans();
        list.Spans.Add(spans);
        return list.ToByteArray();
    }

    private static List<Domain.Span> Read(byte[] bytes)
    {
        var problems = new IngestProblems();
        var spans = ZipkinProtoReader.Read(bytes, problems);
        Assert.False(problems.Any, string.Join("; ", problems.ToDictionary().Select(p => $"{p.Key}: {string.Join(", ", p.Value)}")));
        return spans;
    }

    private static string Describe(Domain.Span s) => string.Join(" | ",
        s.TraceId, s.SpanId, s.ParentSpanId, s.Service, s.Name, s.Kind, s.StartNs.ToString(CultureInfo.InvariantCulture), s.DurationNs.ToString(CultureInfo.InvariantCulture),
        s.Status, s.StatusMessage,
        string.Join(",", s.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value.Type}:{a.Value.Text}")),
        string.Join(",", s.Resource.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value.Text}")),
        string.Join(",", s.Events.Select(e => $"{e.TimeNs}:{e.Name}")));
}
