using System.Net;
using AirisEpm.Protocols.Otlp.Proto;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Tests.Support;
using Google.Protobuf;
using static AirisEpm.TraceService.Tests.Support.Http;
using static AirisEpm.TraceService.Tests.Support.OtlpRequests;

namespace AirisEpm.TraceService.Tests.Functional;

/// <summary><c>POST /v1/traces</c> through the real pipeline to the store's edge.</summary>
public sealed class OtlpTracesApiTests : IAsyncLifetime
{
    private readonly TraceServiceFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Protobuf_spans_are_stored_and_answered_with_a_protobuf_export_response()
    {
        var response = await _factory.Writer().PostAsync("/v1/traces", Protobuf(Request(ValidSpan(), ValidSpan("second") )), Ct);

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        var answer = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Null(answer.PartialSuccess);
        var span = _factory.Store.Spans[0];
        Assert.Equal((TraceHex, SpanHex, "orders", SpanKind.Server), (span.TraceId, span.SpanId, span.Service, span.Kind));
        Assert.Equal(2, _factory.Store.Spans.Count);
    }

    [Fact]
    public async Task Json_with_hex_ids_is_stored_and_answered_in_json()
    {
        var response = await _factory.Writer().PostAsync("/v1/traces", Json(OtlpJson.From(Request(ValidSpan()))), Ct);

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var answer = ExportTraceServiceResponse.Parser.ParseJson(await response.Content.ReadAsStringAsync(Ct));
        Assert.Null(answer.PartialSuccess);
        Assert.Equal(ParentHex, Assert.Single(_factory.Store.Spans).ParentSpanId);
    }

    [Fact]
    public async Task A_gzip_body_is_decoded()
    {
        var body = Body(Gzip(Request(ValidSpan()).ToByteArray()), "application/x-protobuf", "gzip");
        await (await _factory.Writer().PostAsync("/v1/traces", body, Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Single(_factory.Store.Spans);
    }

    [Fact]
    public async Task Unknown_fields_are_ignored_in_both_encodings_as_otlp_requires()
    {
        // Field 99, varint 1: a field a newer OTLP might add.
        byte[] protobuf = [.. Request(ValidSpan()).ToByteArray(), 0x98, 0x06, 0x01];
        var json = OtlpJson.From(Request(ValidSpan("json"))).Replace("\"name\":\"json\"", "\"name\":\"json\",\"futureField\":{\"x\":[1,2]}", StringComparison.Ordinal);

        await (await _factory.Writer().PostAsync("/v1/traces", Body(protobuf, "application/x-protobuf"), Ct)).ExpectAsync(HttpStatusCode.OK);
        await (await _factory.Writer().PostAsync("/v1/traces", Json(json), Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["GET /orders/{id}", "json"], _factory.Store.Spans.Select(s => s.Name));
    }

    [Fact]
    public async Task A_batch_with_bad_ids_is_refused_whole_naming_each_span_and_field()
    {
        var zeroTrace = ValidSpan("zero");
        zeroTrace.TraceId = ByteString.CopyFrom(new byte[16]);
        var shortSpan = ValidSpan("short");
        shortSpan.SpanId = Bytes("0102");

        var problem = await (await _factory.Writer().PostAsync("/v1/traces", Protobuf(Request(ValidSpan(), zeroTrace, shortSpan)), Ct))
            .ProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Contains("all zero", errors.GetProperty("resourceSpans[0].scopeSpans[0].spans[1].traceId")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("2 bytes", errors.GetProperty("resourceSpans[0].scopeSpans[0].spans[2].spanId")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("2 problem(s) in its spans", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Empty(_factory.Store.Writes);
    }

    [Fact]
    public async Task An_end_before_the_start_is_a_named_problem()
    {
        var span = ValidSpan();
        span.EndTimeUnixNano = span.StartTimeUnixNano - 1;
        var problem = await (await _factory.Writer().PostAsync("/v1/traces", Protobuf(Request(span)), Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("resourceSpans[0].scopeSpans[0].spans[0].endTimeUnixNano", out _));
    }

    [Fact]
    public async Task Truncated_protobuf_and_malformed_json_are_400()
    {
        var bytes = Request(ValidSpan()).ToByteArray();
        var truncated = await (await _factory.Writer().PostAsync("/v1/traces", Body(bytes[..(bytes.Length - 7)], "application/x-protobuf"), Ct))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("OTLP protobuf", truncated.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var json = await (await _factory.Writer().PostAsync("/v1/traces", Json("""{"resourceSpans":[{"scopeSpans":["""), Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("OTLP JSON", json.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var badHex = await (await _factory.Writer().PostAsync("/v1/traces", Json("""{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"xyz"}]}]}]}"""), Ct))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("traceId", badHex.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(_factory.Store.Writes);
    }

    [Theory]
    [InlineData("text/plain", null)]
    [InlineData(null, null)]
    [InlineData("application/x-protobuf", "br")]
    public async Task A_wrong_content_type_or_encoding_is_415(string? contentType, string? encoding)
    {
        var body = Body(Request(ValidSpan()).ToByteArray(), contentType, encoding);
        await (await _factory.Writer().PostAsync("/v1/traces", body, Ct)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_body_or_a_decompressed_body_over_the_limit_is_413()
    {
        await using var factory = (TraceServiceFactory)new TraceServiceFactory().With("Traces:Ingest:MaxBodyBytes", "2048").With("Traces:Ingest:MaxDecompressedBytes", "4096");
        var big = Request(Enumerable.Range(0, 100).Select(i => ValidSpan($"span {i}")).ToArray()).ToByteArray();
        Assert.True(big.Length > 4096 && Gzip(big).Length < 2048, $"{big.Length} bytes, {Gzip(big).Length} gzipped");

        await (await factory.Writer().PostAsync("/v1/traces", Body(big, "application/x-protobuf"), Ct)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await factory.Writer().PostAsync("/v1/traces", Body(Gzip(big), "application/x-protobuf", "gzip"), Ct)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(factory.Store.Writes);
    }

    [Fact]
    public async Task More_spans_than_a_request_may_hold_is_413()
    {
        await using var factory = (TraceServiceFactory)new TraceServiceFactory().With("Traces:Ingest:MaxSpansPerRequest", "2");
        var problem = await (await factory.Writer().PostAsync("/v1/traces", Protobuf(Request(ValidSpan(), ValidSpan(), ValidSpan())), Ct))
            .ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("3 spans", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writing_needs_the_traces_write_permission()
    {
        var anonymous = await _factory.CreateClient().PostAsync("/v1/traces", Protobuf(Request(ValidSpan())), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var reader = await _factory.CreateClient().WithToken(Permissions.TracesRead).PostAsync("/v1/traces", Protobuf(Request(ValidSpan())), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Empty(_factory.Store.Writes);
    }
}
