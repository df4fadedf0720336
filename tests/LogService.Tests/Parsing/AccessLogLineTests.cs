using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Parsing;

namespace AirisEpm.LogService.Tests.Parsing;

public sealed class AccessLogLineTests
{
    public static readonly TheoryData<LineCase> Cases =
    [
        new LineCase("""127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326""",
            LineFormat.AccessLog, "2000-10-10T20:55:36Z", Severity.Info, """127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326""")
        {
            Fields = new Dictionary<string, string>
            {
                ["client"] = "127.0.0.1", ["user"] = "frank", ["method"] = "GET", ["url"] = "/apache_pb.gif", ["path"] = "/apache_pb.gif",
                ["protocol"] = "HTTP/1.0", ["status_code"] = "200", ["bytes"] = "2326",
            },
        },
        new LineCase("""203.0.113.9 - - [02/Jan/2024:03:04:05 +0000] "POST /api/v1/orders?id=7 HTTP/1.1" 503 - "https://shop.example/cart" "Mozilla/5.0 (X11; Linux x86_64)" rt=0.120""",
            LineFormat.AccessLog, "2024-01-02T03:04:05Z", Severity.Error,
            """203.0.113.9 - - [02/Jan/2024:03:04:05 +0000] "POST /api/v1/orders?id=7 HTTP/1.1" 503 - "https://shop.example/cart" "Mozilla/5.0 (X11; Linux x86_64)" rt=0.120""")
        {
            Fields = new Dictionary<string, string>
            {
                ["client"] = "203.0.113.9", ["method"] = "POST", ["url"] = "/api/v1/orders?id=7", ["path"] = "/api/v1/orders",
                ["protocol"] = "HTTP/1.1", ["status_code"] = "503", ["bytes"] = "0", ["referer"] = "https://shop.example/cart",
                ["user_agent"] = "Mozilla/5.0 (X11; Linux x86_64)", ["extra"] = "rt=0.120",
            },
        },
        new LineCase("::1 - - [02/Jan/2024:03:04:05 +0000] \"-\" 400 0 \"-\" \"-\" ", LineFormat.AccessLog, "2024-01-02T03:04:05Z", Severity.Warn,
            "::1 - - [02/Jan/2024:03:04:05 +0000] \"-\" 400 0 \"-\" \"-\"")
        {
            Fields = new Dictionary<string, string> { ["client"] = "::1", ["status_code"] = "400", ["bytes"] = "0" },
        },
        new LineCase("""proxy.internal - - [02/Jan/2024:03:04:05 +0000] "\x16\x03\x01" 400 157""", LineFormat.AccessLog, "2024-01-02T03:04:05Z", Severity.Warn,
            """proxy.internal - - [02/Jan/2024:03:04:05 +0000] "\x16\x03\x01" 400 157""")
        {
            Fields = new Dictionary<string, string> { ["client"] = "proxy.internal", ["url"] = """\x16\x03\x01""", ["status_code"] = "400", ["bytes"] = "157" },
        },
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parses(LineCase expected) => expected.AssertMatches(ParsingTestData.Parse(expected.Line));
}
