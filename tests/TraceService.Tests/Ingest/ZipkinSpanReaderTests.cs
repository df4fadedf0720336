using System.Text;
using AirisEpm.Protocols;
using AirisEpm.Protocols.Ingest;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Ingest.Zipkin;

namespace AirisEpm.TraceService.Tests.Ingest;

public sealed class ZipkinSpanReaderTests
{
    public static byte[] DaprdBatch => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "testdata", "daprd-zipkin.json"));

    [Fact]
    public void Daprds_spans_keep_ids_services_times_kinds_tags_and_status()
    {
        var spans = Read(DaprdBatch);

        Assert.Equal(4, spans.Count);
        Assert.All(spans, s => Assert.Equal("5b8efff798038103d269b633813fc60c", s.TraceId));
        var client = spans[0];
        Assert.Equal(("eee19b7ec3c1b174", "eee19b7ec3c1b173"), (client.SpanId, client.ParentSpanId));
        Assert.Equal("alert-service", client.Service);
        Assert.Equal("/v1.0/invoke/log-service/method/api/v1/logs/count", client.Name);
        Assert.Equal(SpanKind.Client, client.Kind);
        Assert.Equal(1768478400000123L * 1000, client.StartNs);
        Assert.Equal(4_210_000, client.DurationNs);
        Assert.Equal(SpanStatus.Ok, client.Status);
        Assert.False(client.Attributes.ContainsKey("otel.status_code"));
        Assert.Equal("log-service", client.Attributes["peer.service"].Text);
        Assert.Equal("200", client.Attributes["dapr.status_code"].Text);
        Assert.Equal("alert-service", client.Resource["service.name"].Text);

        var server = spans[1];
        Assert.Equal((SpanKind.Server, SpanStatus.Unset, "log-service"), (server.Kind, server.Status, server.Service));
        Assert.Equal("api/v1/logs/count", server.Attributes["dapr.invoke_method"].Text);

        Assert.Equal("statestore", spans[2].Attributes["db.name"].Text);

        var publish = spans[3];
        Assert.Equal((SpanKind.Producer, SpanStatus.Error), (publish.Kind, publish.Status));
        Assert.StartsWith("error when publish to topic alerts.fired", publish.StatusMessage, StringComparison.Ordinal);
        Assert.False(publish.Attributes.ContainsKey("error"));
        Assert.Equal("pubsub", publish.Attributes["peer.service"].Text);
        Assert.Equal("10.0.3.7", publish.Attributes["network.peer.address"].Text);
        Assert.Equal(new AttributeValue(AttributeType.Int, "6379"), publish.Attributes["network.peer.port"]);
        Assert.Equal("10.0.3.7", publish.Attributes["server.address"].Text);
        var annotation = Assert.Single(publish.Events);
        Assert.Equal((1768478400036000L * 1000, "retrying publish"), (annotation.TimeNs, annotation.Name));
    }

    [Fact]
    public void A_64_bit_trace_id_is_padded_to_32_digits_and_upper_case_is_lowered()
    {
        var span = Assert.Single(Read("""[{"traceId":"A3CE929D0E0E4736","id":"00F067AA0BA902B7","timestamp":1768478400000000}]"""));
        Assert.Equal("0000000000000000a3ce929d0e0e4736", span.TraceId);
        Assert.Equal("00f067aa0ba902b7", span.SpanId);
    }

    [Fact]
    public void Defaults_a_span_without_kind_is_internal_of_unknown_service_and_shared_and_debug_are_flags()
    {
        var span = Assert.Single(Read("""[{"traceId":"a3ce929d0e0e4736a3ce929d0e0e4736","id":"00f067aa0ba902b7","parentId":"0000000000000000","timestamp":1768478400000000,"shared":true,"debug":true,"futureField":{"x":[1]}}]"""));
        Assert.Equal(SpanKind.Internal, span.Kind);
        Assert.Equal("unknown_service", span.Service);
        Assert.Null(span.ParentSpanId);
        Assert.Equal(0, span.DurationNs);
        Assert.Equal("", span.Name);
        Assert.Equal(new AttributeValue(AttributeType.Bool, "true"), span.Attributes["zipkin.shared"]);
        Assert.Equal(new AttributeValue(AttributeType.Bool, "true"), span.Attributes["zipkin.debug"]);
    }

    [Theory]
    [InlineData("""{"error":""}""", SpanStatus.Error, null)]
    [InlineData("""{"error":"true"}""", SpanStatus.Error, null)]
    [InlineData("""{"error":"connection refused"}""", SpanStatus.Error, "connection refused")]
    [InlineData("""{"otel.status_code":"ERROR","otel.status_description":"timeout"}""", SpanStatus.Error, "timeout")]
    [InlineData("""{"otel.status_code":"OK"}""", SpanStatus.Ok, null)]
    [InlineData("""{"http.status_code":"200"}""", SpanStatus.Unset, null)]
    public void Status_comes_from_the_otel_status_tags_or_zipkins_error_tag(string tags, SpanStatus status, string? message)
    {
        var span = Assert.Single(Read("""[{"traceId":"a3ce929d0e0e4736a3ce929d0e0e4736","id":"00f067aa0ba902b7","timestamp":1768478400000000,"tags":""" + tags + "}]"));
        Assert.Equal((status, message), (span.Status, span.StatusMessage));
        Assert.DoesNotContain(span.Attributes.Keys, k => k is "error" or "otel.status_code" or "otel.status_description");
    }

    [Theory]
    [InlineData("""{"id":"00f067aa0ba902b7","timestamp":1}""", "[1].traceId", "required")]
    [InlineData("""{"traceId":"a3ce929d0e0e473","id":"00f067aa0ba902b7","timestamp":1}""", "[1].traceId", "15 characters")]
    [InlineData("""{"traceId":"00000000000000000000000000000000","id":"00f067aa0ba902b7","timestamp":1}""", "[1].traceId", "all zero")]
    [InlineData("""{"traceId":"a3ce929d0e0e4736","id":"00f067aa0ba902bz","timestamp":1}""", "[1].id", "not hex")]
    [InlineData("""{"traceId":"a3ce929d0e0e4736","id":"00f067aa0ba902b7","parentId":"12","timestamp":1}""", "[1].parentId", "2 characters")]
    [InlineData("""{"traceId":"a3ce929d0e0e4736","id":"00f067aa0ba902b7"}""", "[1].timestamp", "required")]
    [InlineData("""{"traceId":"a3ce929d0e0e4736","id":"00f067aa0ba902b7","timestamp":"soon"}""", "[1].timestamp", "a number")]
    [InlineData("""{"traceId":"a3ce929d0e0e4736","id":"00f067aa0ba902b7","timestamp":-5}""", "[1].timestamp", "whole number")]
    [InlineData("""{"traceId":"a3ce929d0e0e4736","id":"00f067aa0ba902b7","timestamp":1,"duration":1.5}""", "[1].duration", "whole number")]
    [InlineData("""{"traceId":"a3ce929d0e0e4736","id":"00f067aa0ba902b7","timestamp":1,"kind":"LOCAL"}""", "[1].kind", "'LOCAL'")]
    [InlineData("""{"traceId":"a3ce929d0e0e4736","id":"00f067aa0ba902b7","timestamp":1,"localEndpoint":"orders"}""", "[1].localEndpoint", "an object")]
    [InlineData("""{"traceId":"a3ce929d0e0e4736","id":"00f067aa0ba902b7","timestamp":1,"remoteEndpoint":{"port":70000}}""", "[1].remoteEndpoint.port", "whole number")]
    [InlineData("""{"traceId":"a3ce929d0e0e4736","id":"00f067aa0ba902b7","timestamp":1,"annotations":[{"value":"x"}]}""", "[1].annotations[0].timestamp", "required")]
    [InlineData("""{"traceId":"a3ce929d0e0e4736","id":"00f067aa0ba902b7","timestamp":1,"tags":{"a":{"b":1}}}""", "[1].tags.a", "a string")]
    [InlineData("""{"traceId":"a3ce929d0e0e4736","id":"00f067aa0ba902b7","timestamp":1,"shared":"yes"}""", "[1].shared", "true or false")]
    [InlineData("""42""", "[1]", "a span object")]
    public void A_bad_span_is_named_by_index_and_field(string bad, string path, string reason)
    {
        var problems = new IngestProblems();
        var body = """[{"traceId":"a3ce929d0e0e4736","id":"00f067aa0ba902b7","timestamp":1},""" + bad + "]";

        var spans = ZipkinSpanReader.Read(Encoding.UTF8.GetBytes(body), problems);

        Assert.Single(spans);
        var (at, reasons) = Assert.Single(problems.ToDictionary());
        Assert.Equal(path, at);
        Assert.Contains(reason, Assert.Single(reasons), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""[{"traceId":"a3ce929d0e0e4736","id":"00f067aa0ba902b7","timestamp":1}""")]
    [InlineData("""[{"traceId":"a3ce929d0e0e4736","annotations":[]""")]
    [InlineData("""[] []""")]
    public void Json_that_does_not_parse_is_malformed(string body)
    {
        Assert.Throws<MalformedPayloadException>(() => ZipkinSpanReader.Read(Encoding.UTF8.GetBytes(body), new IngestProblems()));
    }

    [Fact]
    public void Invalid_utf8_in_a_string_is_malformed()
    {
        byte[] body = [.. "[{\"name\":\""u8, 0xC3, 0x28, .. "\"}]"u8];
        Assert.Throws<MalformedPayloadException>(() => ZipkinSpanReader.Read(body, new IngestProblems()));
    }

    private static List<Span> Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    private static List<Span> Read(byte[] json)
    {
        var problems = new IngestProblems();
        var spans = ZipkinSpanReader.Read(json, problems);
        Assert.False(problems.Any, string.Join("; ", problems.ToDictionary().Select(p => $"{p.Key}: {string.Join(",", p.Value)}")));
        return spans;
    }
}
