using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Parsing;

namespace AirisEpm.LogService.Tests.Parsing;

/// <summary>Framework headers: log4j/logback, Spring Boot, Serilog, MEL, Python, klog, Apache and nginx error logs. Receive time is 2024-03-15T12:00:00Z.</summary>
public sealed class ApplicationLineTests
{
    public static readonly TheoryData<LineCase> Cases =
    [
        new LineCase("2024-01-02 03:04:05,678 [main] ERROR com.x.Y - connection refused", LineFormat.Application, "2024-01-02T03:04:05.678Z", Severity.Error,
            "connection refused") { Thread = "main", Logger = "com.x.Y" },
        new LineCase("03:04:05.678 [http-nio-8080-exec-1] INFO  o.s.web.servlet.DispatcherServlet - Completed initialization", LineFormat.Application,
            "2024-03-15T03:04:05.678Z", Severity.Info, "Completed initialization") { Thread = "http-nio-8080-exec-1", Logger = "o.s.web.servlet.DispatcherServlet" },
        new LineCase("2024-01-02 03:04:05.678 ERROR 1234 --- [thread] c.x.Y : msg", LineFormat.Application, "2024-01-02T03:04:05.678Z", Severity.Error, "msg")
        {
            Thread = "thread", Logger = "c.x.Y", Fields = new Dictionary<string, string> { ["pid"] = "1234" },
        },
        new LineCase("2019-03-05 10:57:51.112  INFO 45469 --- [           main] org.apache.catalina.core.StandardEngine  : Starting Servlet Engine: Apache Tomcat/9.0.16",
            LineFormat.Application, "2019-03-05T10:57:51.112Z", Severity.Info, "Starting Servlet Engine: Apache Tomcat/9.0.16")
        {
            Thread = "main", Logger = "org.apache.catalina.core.StandardEngine", Fields = new Dictionary<string, string> { ["pid"] = "45469" },
        },
        // Spring Boot 3.4: application name and correlation ids.
        new LineCase("2024-01-02T03:04:05.678+01:00  WARN 7 --- [shop] [nio-8080-exec-1] [4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7] c.e.Orders : slow",
            LineFormat.Application, "2024-01-02T02:04:05.678Z", Severity.Warn, "slow")
        {
            Service = "shop", Thread = "nio-8080-exec-1", Logger = "c.e.Orders", TraceId = "4bf92f3577b34da6a3ce929d0e0e4736", SpanId = "00f067aa0ba902b7",
            Fields = new Dictionary<string, string> { ["pid"] = "7" },
        },
        new LineCase("[12:34:56 INF] Now listening on: http://localhost:5000", LineFormat.SerilogConsole, "2024-03-15T12:34:56Z", Severity.Info,
            "Now listening on: http://localhost:5000"),
        new LineCase("2024-01-02 03:04:05.678 +02:00 [ERR] Payment failed for {OrderId}", LineFormat.Application, "2024-01-02T01:04:05.678Z", Severity.Error,
            "Payment failed for {OrderId}"),
        new LineCase("info: Microsoft.Hosting.Lifetime[14]", LineFormat.MelConsole, null, Severity.Info, "")
        {
            Logger = "Microsoft.Hosting.Lifetime", Fields = new Dictionary<string, string> { ["event_id"] = "14" },
        },
        new LineCase("fail: App.Worker[1001] Job crashed", LineFormat.MelConsole, null, Severity.Error, "Job crashed")
        {
            Logger = "App.Worker", Fields = new Dictionary<string, string> { ["event_id"] = "1001" },
        },
        new LineCase("2024-01-02 03:04:05,678 - payments.api - ERROR - card declined", LineFormat.Application, "2024-01-02T03:04:05.678Z", Severity.Error,
            "card declined") { Logger = "payments.api" },
        new LineCase("E0102 03:04:05.678901    1234 reflector.go:138] failed to list *v1.Pod", LineFormat.Klog, "2024-01-02T03:04:05.678901Z", Severity.Error,
            "failed to list *v1.Pod")
        {
            Thread = "1234", Fields = new Dictionary<string, string> { ["source"] = "reflector.go:138" },
        },
        new LineCase("I1231 23:00:00.000000 1 main.go:5] december", LineFormat.Klog, "2023-12-31T23:00:00Z", Severity.Info, "december")
        {
            Thread = "1", Fields = new Dictionary<string, string> { ["source"] = "main.go:5" },
        },
        new LineCase("2015-07-29 19:04:29,071 - WARN  [SendWorker:188978561024:QuorumCnxManager$SendWorker@688] - Send worker leaving thread",
            LineFormat.Application, "2015-07-29T19:04:29.071Z", Severity.Warn, "Send worker leaving thread")
        {
            Thread = "SendWorker:188978561024:QuorumCnxManager$SendWorker@688",
        },
        new LineCase("2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created MRAppMaster for application appattempt_1445144423722_0020_000001",
            LineFormat.Application, "2015-10-18T18:01:47.978Z", Severity.Info, "Created MRAppMaster for application appattempt_1445144423722_0020_000001")
        {
            Thread = "main", Logger = "org.apache.hadoop.mapreduce.v2.app.MRAppMaster",
        },
        new LineCase("17/06/09 20:10:40 INFO spark.SecurityManager: Changing view acls to: yarn,curi", LineFormat.Application, "2017-06-09T20:10:40Z", Severity.Info,
            "Changing view acls to: yarn,curi") { Logger = "spark.SecurityManager" },
        new LineCase("081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating", LineFormat.Application,
            "2008-11-09T20:36:15Z", Severity.Info, "PacketResponder 1 for block blk_38865049064139660 terminating")
        {
            Logger = "dfs.DataNode$PacketResponder", Fields = new Dictionary<string, string> { ["pid"] = "148" },
        },
        // Kafka: bracketed timestamp; "[Broker id=0]" has no logger after it, so it stays in the message.
        new LineCase("[2024-01-02 03:04:05,678] INFO [Broker id=0] Finished loading (kafka.server.KafkaServer)", LineFormat.Application, "2024-01-02T03:04:05.678Z",
            Severity.Info, "[Broker id=0] Finished loading (kafka.server.KafkaServer)"),
        // Spark's default layout, log4j's %c{1}: a one-word logger.
        new LineCase("17/06/09 20:10:41 INFO Executor: Running task 0.0 in stage 1.0", LineFormat.Application, "2017-06-09T20:10:41Z", Severity.Info,
            "Running task 0.0 in stage 1.0") { Logger = "Executor" },
        // No colon or dash after the word: no logger, the word stays in the message.
        new LineCase("2024-01-02 03:04:05 INFO Request GET / done", LineFormat.Application, "2024-01-02T03:04:05Z", Severity.Info, "Request GET / done"),
        new LineCase("2024-01-02T03:04:05Z something happened again, WARN later", LineFormat.Application, "2024-01-02T03:04:05Z", Severity.Unknown,
            "something happened again, WARN later"),
        new LineCase("2024/01/02 03:04:05 [error] 1234#0: *5 open() \"/x\" failed (2: No such file or directory)", LineFormat.Application,
            "2024-01-02T03:04:05Z", Severity.Error, "*5 open() \"/x\" failed (2: No such file or directory)")
        {
            Fields = new Dictionary<string, string> { ["pid"] = "1234", ["tid"] = "0" },
        },
        new LineCase("[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6", LineFormat.ApacheError, "2005-12-04T04:47:44Z", Severity.Error,
            "mod_jk child workerEnv in error state 6"),
        new LineCase("[Fri Sep 09 10:42:29.902022 2011] [core:error] [pid 35708:tid 4328636416] [client 72.15.99.187:5566] File does not exist: /x",
            LineFormat.ApacheError, "2011-09-09T10:42:29.902022Z", Severity.Error, "File does not exist: /x")
        {
            Fields = new Dictionary<string, string> { ["module"] = "core", ["pid"] = "35708", ["tid"] = "4328636416", ["client"] = "72.15.99.187:5566" },
        },
    ];

    public static readonly TheoryData<LineCase> PlainCases =
    [
        new LineCase("Error connecting to db", LineFormat.Plain, null, Severity.Error, "Error connecting to db"),
        new LineCase("worker 3 [WARN] queue full", LineFormat.Plain, null, Severity.Warn, "worker 3 [WARN] queue full"),
        new LineCase("the user raised an alert today", LineFormat.Plain, null, Severity.Unknown, "the user raised an alert today"),
        new LineCase("ERROR:root:division by zero", LineFormat.Plain, null, Severity.Error, "ERROR:root:division by zero"),
        new LineCase("panic: runtime error: index out of range", LineFormat.Plain, null, Severity.Fatal, "panic: runtime error: index out of range"),
        new LineCase("   at Foo.Bar() in /src/a.cs:line 5", LineFormat.Plain, null, Severity.Unknown, "   at Foo.Bar() in /src/a.cs:line 5"),
        new LineCase("", LineFormat.Plain, null, Severity.Unknown, ""),
        new LineCase("2024-13-45 99:99:99 not a date", LineFormat.Plain, null, Severity.Unknown, "2024-13-45 99:99:99 not a date"),
        new LineCase("request done traceparent=00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", LineFormat.Plain, null, Severity.Unknown,
            "request done traceparent=00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        {
            TraceId = "4bf92f3577b34da6a3ce929d0e0e4736", SpanId = "00f067aa0ba902b7",
        },
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parses(LineCase expected) => expected.AssertMatches(ParsingTestData.Parse(expected.Line));

    [Fact]
    public void A_time_of_day_more_than_12_hours_after_the_receive_time_is_from_the_day_before()
    {
        var draft = ParsingTestData.Parser.Parse("[23:59:59 WRN] late", ParsingTestData.Ns("2024-03-15T00:00:05Z"));
        Assert.Equal(ParsingTestData.Ns("2024-03-14T23:59:59Z"), draft.TimestampNs);
    }

    [Theory]
    [MemberData(nameof(PlainCases))]
    public void Unrecognised_lines_are_plain_messages(LineCase expected) => expected.AssertMatches(ParsingTestData.Parse(expected.Line));
}
