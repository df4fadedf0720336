using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Parsing;

namespace AirisEpm.LogService.Tests.Parsing;

/// <summary>JSON and logfmt lines: well-known keys become the draft's properties, everything else exact fields.</summary>
public sealed class StructuredLineTests
{
    public static readonly TheoryData<LineCase> Cases =
    [
        new LineCase("""{"timestamp":"2024-01-02T03:04:05.678Z","level":"error","message":"db down","service":"api","logger":"db","trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","span_id":"00f067aa0ba902b7","user":{"id":42,"roles":["a","b"]},"ok":false,"none":null}""",
            LineFormat.Json, "2024-01-02T03:04:05.678Z", Severity.Error, "db down")
        {
            Service = "api", Logger = "db", TraceId = "4bf92f3577b34da6a3ce929d0e0e4736", SpanId = "00f067aa0ba902b7",
            Fields = new Dictionary<string, string> { ["user.id"] = "42", ["user.roles"] = """["a","b"]""", ["ok"] = "false" },
        },
        // Serilog CLEF: the rendered @m wins over the template @mt, which stays a field; @x is the stack trace.
        new LineCase("""{"@t":"2024-01-02T03:04:05.6789012+01:00","@mt":"Hello {Name}","@m":"Hello Ann","@l":"Warning","@x":"System.Exception: x\n   at A.B()","Name":"Ann","SourceContext":"App.Worker"}""",
            LineFormat.Json, "2024-01-02T02:04:05.6789012Z", Severity.Warn, "Hello Ann")
        {
            Logger = "App.Worker", StackTrace = "System.Exception: x\n   at A.B()",
            Fields = new Dictionary<string, string> { ["@mt"] = "Hello {Name}", ["Name"] = "Ann" },
        },
        // ECS: nested objects flatten to the dotted names ECS defines.
        new LineCase("""{"@timestamp":"2024-01-02T03:04:05.000Z","log":{"level":"info","logger":"http"},"service":{"name":"shop"},"host":{"name":"web-1"},"message":"ok","http":{"response":{"status_code":200}}}""",
            LineFormat.Json, "2024-01-02T03:04:05Z", Severity.Info, "ok")
        {
            Service = "shop", Host = "web-1", Logger = "http",
            Fields = new Dictionary<string, string> { ["http.response.status_code"] = "200" },
        },
        // pino: numeric level on its own scale, epoch milliseconds.
        new LineCase("""{"level":30,"time":1704164645678,"pid":7,"hostname":"box","msg":"listening"}""",
            LineFormat.Json, "2024-01-02T03:04:05.678Z", Severity.Info, "listening")
        {
            Host = "box", Fields = new Dictionary<string, string> { ["pid"] = "7" },
        },
        // zap: float epoch seconds.
        new LineCase("""{"level":"warn","ts":1704164645.5,"caller":"main.go:12","msg":"slow"}""",
            LineFormat.Json, "2024-01-02T03:04:05.5Z", Severity.Warn, "slow")
        {
            Fields = new Dictionary<string, string> { ["caller"] = "main.go:12" },
        },
        // OTLP-shaped: severity number, no text level; no message key keeps the line as the message.
        new LineCase("""{"severity_number":17,"attributes":{"k":"v"}}""", LineFormat.Json, null, Severity.Error, """{"severity_number":17,"attributes":{"k":"v"}}""")
        {
            Fields = new Dictionary<string, string> { ["attributes.k"] = "v" },
        },
        // A level nobody knows and a time that does not parse stay fields under their own keys.
        new LineCase("""  {"level":"chatty","time":"yesterday","msg":"x"}  """, LineFormat.Json, null, Severity.Unknown, "x")
        {
            Fields = new Dictionary<string, string> { ["level"] = "chatty", ["time"] = "yesterday" },
        },
        // Docker json-file: the message is "log" with its newline.
        new LineCase("""{"log":"started\n","stream":"stdout","time":"2024-01-02T03:04:05.123456789Z"}""",
            LineFormat.Json, "2024-01-02T03:04:05.123456789Z", Severity.Unknown, "started")
        {
            Fields = new Dictionary<string, string> { ["stream"] = "stdout" },
        },
        new LineCase("""time=2024-01-02T03:04:05.678Z level=INFO msg="user logged in" user=ann duration=12ms traceId=4bf92f3577b34da6a3ce929d0e0e4736""",
            LineFormat.Logfmt, "2024-01-02T03:04:05.678Z", Severity.Info, "user logged in")
        {
            TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
            Fields = new Dictionary<string, string> { ["user"] = "ann", ["duration"] = "12ms" },
        },
        new LineCase("""level=error err="open \"/x\": denied\ttwice" empty= app=billing""", LineFormat.Logfmt, null, Severity.Error,
            """level=error err="open \"/x\": denied\ttwice" empty= app=billing""")
        {
            Service = "billing", Fields = new Dictionary<string, string> { ["err"] = "open \"/x\": denied\ttwice", ["empty"] = "" },
        },
        // Not JSON (trailing text) and not logfmt (a bare word): plain text.
        new LineCase("""{"a":1} trailing""", LineFormat.Plain, null, Severity.Unknown, """{"a":1} trailing"""),
        new LineCase("user=bob logged in", LineFormat.Plain, null, Severity.Unknown, "user=bob logged in"),
        new LineCase("only=one", LineFormat.Plain, null, Severity.Unknown, "only=one"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parses(LineCase expected) => expected.AssertMatches(ParsingTestData.Parse(expected.Line));

    [Fact]
    public void Json_deeper_than_the_flatten_depth_is_kept_as_json_text()
    {
        var draft = ParsingTestData.Parse("""{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":{"i":1}}}}}}}},"msg":"m"}""");
        Assert.Equal("""{"i":1}""", draft.Fields["a.b.c.d.e.f.g.h"]);
    }

    [Fact]
    public void Json_deeper_than_the_reader_depth_is_plain_text()
    {
        var line = new string('[', 0) + "{\"a\":" + string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100)) + "}";
        Assert.Equal(LineFormat.Plain, ParsingTestData.Parse(line).Format);
    }

    [Fact]
    public void Too_many_fields_keep_the_whole_line_in_raw()
    {
        var parser = new RawLineParser(new ParserLimits { MaxFields = 3 });
        var line = """{"msg":"m","a":1,"b":2,"c":3,"d":4}""";
        var draft = parser.Parse(line, ParsingTestData.ReceivedNs);
        Assert.Equal("m", draft.Message);
        Assert.Equal(["a", "b", "c", "raw"], draft.Fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(line, draft.Fields["raw"]);
    }

    [Fact]
    public void Json_with_an_escaped_lone_surrogate_keeps_its_escaped_text()
    {
        var draft = ParsingTestData.Parse("""{"msg":"bad \ud800 here","level":"info"}""");
        Assert.Equal(LineFormat.Json, draft.Format);
        Assert.Equal("""bad \ud800 here""", draft.Message);
    }
}
