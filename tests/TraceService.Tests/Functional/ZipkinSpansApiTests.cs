using System.Net;
using System.Text;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Tests.Ingest;
using AirisEpm.TraceService.Tests.Support;
using static AirisEpm.TraceService.Tests.Support.Http;

namespace AirisEpm.TraceService.Tests.Functional;

/// <summary><c>POST /api/v2/spans</c> as daprd's Zipkin exporter calls it.</summary>
public sealed class ZipkinSpansApiTests : IAsyncLifetime
{
    private const string OneSpan = """[{"traceId":"a3ce929d0e0e4736a3ce929d0e0e4736","id":"00f067aa0ba902b7","name":"get /cart","timestamp":1768478400000000,"duration":150}]""";

    private readonly TraceServiceFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_daprd_batch_is_answered_202_with_no_body_once_stored()
    {
        var response = await _factory.Writer().PostAsync("/api/v2/spans", Body(ZipkinSpanReaderTests.DaprdBatch, "application/json"), Ct);

        await response.ExpectAsync(HttpStatusCode.Accepted);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
        var write = Assert.Single(_factory.Store.Writes);
        Assert.Equal(["alert-service", "log-service", "alert-service", "alert-service"], write.Select(s => s.Service));
        Assert.Equal(SpanStatus.Error, write[3].Status);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8", null)]
    [InlineData(null, null)]
    [InlineData("application/json", "gzip")]
    public async Task Json_with_or_without_content_type_and_gzip_is_accepted(string? contentType, string? encoding)
    {
        var bytes = Encoding.UTF8.GetBytes(OneSpan);
        var response = await _factory.Writer().PostAsync("/api/v2/spans", Body(encoding is null ? bytes : Gzip(bytes), contentType, encoding), Ct);
        await response.ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal("get /cart", Assert.Single(_factory.Store.Spans).Name);
    }

    [Fact]
    public async Task Another_content_type_is_415()
    {
        await (await _factory.Writer().PostAsync("/api/v2/spans", Body(Encoding.UTF8.GetBytes(OneSpan), "text/plain"), Ct)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await _factory.Writer().PostAsync("/api/v2/spans", Body([1, 2, 3], "application/protobuf"), Ct)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("gzip")]
    public async Task A_proto3_list_of_spans_is_answered_202_once_stored(string? encoding)
    {
        var bytes = ZipkinProtoFixtures.DaprdBatch;
        var response = await _factory.Writer().PostAsync("/api/v2/spans", Body(encoding is null ? bytes : Gzip(bytes), "application/x-protobuf", encoding), Ct);

        await response.ExpectAsync(HttpStatusCode.Accepted);
        var write = Assert.Single(_factory.Store.Writes);
        Assert.Equal(["alert-service", "log-service", "alert-service", "alert-service"], write.Select(s => s.Service));
        Assert.Equal(("eee19b7ec3c1b174", "eee19b7ec3c1b173"), (write[0].SpanId, write[0].ParentSpanId));
        Assert.Equal(SpanStatus.Error, write[3].Status);
    }

    [Fact]
    public async Task A_bad_proto3_span_or_cut_body_is_a_400_problem()
    {
        var bad = new Ingest.ZipkinProto.ListOfSpans();
        var span = ZipkinProtoFixtures.Minimal();
        span.TraceId = Google.Protobuf.ByteString.CopyFrom([1, 2, 3]);
        bad.Spans.Add([ZipkinProtoFixtures.Minimal(), span]);
        var problem = await (await _factory.Writer().PostAsync("/api/v2/spans", Http.Protobuf(bad), Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("[1].trace_id", out _), problem.ToString());

        var cut = ZipkinProtoFixtures.DaprdBatch[..^5];
        await (await _factory.Writer().PostAsync("/api/v2/spans", Body(cut, "application/x-protobuf"), Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Empty(_factory.Store.Writes);
    }

    [Fact]
    public async Task A_bad_span_refuses_the_batch_naming_index_and_field()
    {
        var body = OneSpan[..^1] + """,{"traceId":"a3ce929d0e0e4736","id":"00f067aa0ba902b7","timestamp":1,"kind":"SERVERS"},{"id":"00f067aa0ba902b8","timestamp":1}]""";
        var problem = await (await _factory.Writer().PostAsync("/api/v2/spans", Json(body), Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("[1].kind", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("[2].traceId", out _), errors.ToString());
        Assert.Empty(_factory.Store.Writes);
    }

    [Theory]
    [InlineData("""[{"traceId":""")]
    [InlineData("""{"traceId":"a3ce929d0e0e4736"}""")]
    [InlineData("not json")]
    public async Task Malformed_json_is_400(string body)
    {
        var problem = await (await _factory.Writer().PostAsync("/api/v2/spans", Json(body), Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Zipkin v2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        await using var factory = (TraceServiceFactory)new TraceServiceFactory().With("Traces:Ingest:MaxBodyBytes", "1024");
        var body = "[" + string.Join(",", Enumerable.Repeat(OneSpan[1..^1], 20)) + "]";
        await (await factory.Writer().PostAsync("/api/v2/spans", Json(body), Ct)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }
}
