using System.Net;
using System.Text;
using AirisEpm.LogService.Ingest.Loki.Proto;
using AirisEpm.Protocols.Otlp;
using AirisEpm.Protocols.Otlp.Proto;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using static AirisEpm.LogService.Tests.Functional.LogApiJson;

namespace AirisEpm.LogService.Tests.Functional;

/// <summary>Every ingest path through the real pipeline (parser, miner, batching writer, Lucene store), then searched.</summary>
public sealed class LogIngestApiTests : IAsyncLifetime
{
    private readonly LogServiceFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static string Now => DateTimeOffset.UtcNow.ToString("O");

    [Fact]
    public async Task Json_records_are_stored_and_searchable_with_their_fields()
    {
        var body = $$"""[{"timestamp":"{{Now}}","level":"error","message":"payment declined for order o-17","service":"checkout","trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","user_id":"u-9"}]""";
        var answer = await (await _factory.Writer().PostAsync("/api/v1/logs", new StringContent(body, Encoding.UTF8, "application/json"), Ct)).JsonAsync();
        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());

        var found = await _factory.Reader().SearchUntilAsync("q=declined&service=checkout", 1);
        var record = found.GetProperty("records")[0];
        Assert.Equal("error", record.GetProperty("level").GetString());
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", record.GetProperty("traceId").GetString());
        Assert.Equal("u-9", record.GetProperty("fields").GetProperty("user_id").GetString());
        Assert.False(string.IsNullOrEmpty(record.GetProperty("patternId").GetString()));

        var byTrace = await _factory.Reader().SearchUntilAsync("trace_id=4bf92f3577b34da6a3ce929d0e0e4736", 1);
        Assert.Equal(1, byTrace.GetProperty("records").GetArrayLength());
    }

    [Fact]
    public async Task A_bad_record_rejects_the_whole_batch_naming_index_and_field()
    {
        var body = """{"message":"fine"}""" + "\n" + """{"message":"bad","level":"loud"}""";
        var problem = await (await _factory.Writer().PostAsync("/api/v1/logs", new StringContent(body, Encoding.UTF8, "application/x-ndjson"), Ct))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("[1].level", out _));

        var none = await (await _factory.Reader().GetAsync("/api/v1/logs/search?q=fine", Ct)).JsonAsync();
        Assert.Equal(0, none.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Raw_text_is_parsed_line_by_line_and_stack_traces_stay_with_their_record()
    {
        var text = $"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss,fff} [main] ERROR com.shop.Pay - charge failed\n"
                   + "java.lang.IllegalStateException: card expired\n\tat com.shop.Pay.charge(Pay.java:42)\n"
                   + "level=info msg=\"cart saved\" user=ann\n";
        var answer = await (await _factory.Writer().PostAsync("/api/v1/logs/raw?service=shop", new StringContent(text, Encoding.UTF8, "text/plain"), Ct)).JsonAsync();
        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());

        var error = (await _factory.Reader().SearchUntilAsync("q=charge&level=error&service=shop", 1)).GetProperty("records")[0];
        Assert.Contains("Pay.java:42", error.GetProperty("stackTrace").GetString(), StringComparison.Ordinal);
        var info = (await _factory.Reader().SearchUntilAsync("q=saved&level=info", 1)).GetProperty("records")[0];
        Assert.Equal("ann", info.GetProperty("fields").GetProperty("user").GetString());
    }

    [Fact]
    public async Task A_line_over_the_limit_is_413_naming_the_line()
    {
        await using var factory = (LogServiceFactory)new LogServiceFactory().With("Logs:Ingest:MaxLineBytes", "1024");
        var text = "short line\n" + new string('x', 2000) + "\n";
        var problem = await (await factory.Writer().PostAsync("/api/v1/logs/raw", new StringContent(text, Encoding.UTF8, "text/plain"), Ct))
            .JsonAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("Line 2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loki_json_and_snappy_protobuf_pushes_are_accepted_as_loki_does()
    {
        var ns = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var json = $$"""{"streams":[{"stream":{"job":"promtail","env":"prod"},"values":[["{{ns}}","level=warn msg=\"disk almost full\""]]}]}""";
        var pushed = await _factory.Writer().PostAsync("/loki/api/v1/push", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.NoContent, pushed.StatusCode);

        var request = new PushRequest { Streams = { new StreamAdapter { Labels = "{app=\"alloy\"}", Entries = { new EntryAdapter { Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), Line = "GC pause 120ms" } } } } };
        var snappy = new ByteArrayContent(Snappier.Snappy.CompressToArray(request.ToByteArray()));
        snappy.Headers.ContentType = new("application/x-protobuf");
        Assert.Equal(HttpStatusCode.NoContent, (await _factory.Writer().PostAsync("/loki/api/v1/push", snappy, Ct)).StatusCode);

        var warn = (await _factory.Reader().SearchUntilAsync("q=disk&service=promtail", 1)).GetProperty("records")[0];
        Assert.Equal("warn", warn.GetProperty("level").GetString());
        Assert.Equal("prod", warn.GetProperty("labels").GetProperty("env").GetString());
        Assert.Equal(1, (await _factory.Reader().SearchUntilAsync("service=alloy", 1)).GetProperty("records").GetArrayLength());
    }

    [Fact]
    public async Task Bad_loki_bodies_are_4xx()
    {
        var garbage = new ByteArrayContent([1, 2, 3, 4, 5]);
        garbage.Headers.ContentType = new("application/x-protobuf");
        Assert.Equal(HttpStatusCode.BadRequest, (await _factory.Writer().PostAsync("/loki/api/v1/push", garbage, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await _factory.Writer().PostAsync("/loki/api/v1/push", new StringContent("x", Encoding.UTF8, "text/csv"), Ct)).StatusCode);
        var problem = await (await _factory.Writer().PostAsync("/loki/api/v1/push", new StringContent("""{"streams":[{"values":[["soon","l"]]}]}""", Encoding.UTF8, "application/json"), Ct))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("streams[0].values[0][0]", out _));
    }

    [Fact]
    public async Task Otlp_protobuf_and_json_are_accepted_and_truncated_protobuf_is_400()
    {
        var log = new AirisEpm.Protocols.Otlp.Proto.LogRecord
        {
            TimeUnixNano = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000,
            SeverityNumber = SeverityNumber.Error,
            Body = new AnyValue { StringValue = "inventory sync failed" },
            TraceId = ByteString.CopyFrom(Convert.FromHexString("0af7651916cd43dd8448eb211c80319c")),
        };
        var export = new ExportLogsServiceRequest
        {
            ResourceLogs = { new ResourceLogs
            {
                Resource = new Resource { Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = "inventory" } } } },
                ScopeLogs = { new ScopeLogs { LogRecords = { log } } },
            } },
        };
        var protobuf = new ByteArrayContent(export.ToByteArray());
        protobuf.Headers.ContentType = new(OtlpBody.Protobuf);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Writer().PostAsync("/v1/logs", protobuf, Ct)).StatusCode);

        var json = OtlpBody.ToJson(export).Replace("CvdlGRbNQ92ESOshHIAxnA==", "0af7651916cd43dd8448eb211c80319c", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Writer().PostAsync("/v1/logs", new StringContent(json, Encoding.UTF8, OtlpBody.Json), Ct)).StatusCode);

        var found = await _factory.Reader().SearchUntilAsync("q=inventory&service=inventory&trace_id=0af7651916cd43dd8448eb211c80319c", 2);
        Assert.Equal(2, found.GetProperty("records").GetArrayLength());

        var bytes = export.ToByteArray();
        var truncated = new ByteArrayContent(bytes[..^4]);
        truncated.Headers.ContentType = new(OtlpBody.Protobuf);
        Assert.Equal(HttpStatusCode.BadRequest, (await _factory.Writer().PostAsync("/v1/logs", truncated, Ct)).StatusCode);
    }
}
