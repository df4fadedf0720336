using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Parsing;

namespace AirisEpm.LogService.Tests.Parsing;

public sealed class LogDraftTests
{
    [Fact]
    public void To_record_fills_what_the_line_lacked_and_files_host_logger_and_thread()
    {
        var draft = ParsingTestData.Parse("2015-10-18 18:01:47,978 INFO [main] org.x.App: started");
        var labels = new Dictionary<string, string> { ["env"] = "prod" };
        var record = draft.ToRecord("id-1", receivedNs: 7, defaultService: "hadoop", labels);
        Assert.Equal(new LogRecord("id-1", ParsingTestData.Ns("2015-10-18T18:01:47.978Z"), Severity.Info, "started", "hadoop", null, null,
            record.Labels, record.Fields), record);
        Assert.Equal(labels, record.Labels);
        Assert.Equal(new Dictionary<string, string> { ["logger"] = "org.x.App", ["thread"] = "main" }, record.Fields);
    }

    [Fact]
    public void To_record_keeps_the_stream_host_and_uses_the_receive_time_when_the_line_has_none()
    {
        var draft = ParsingTestData.Parse("<14>1 - box app - - - hello");
        var record = draft.ToRecord("id-2", receivedNs: 42, defaultService: "fallback", new Dictionary<string, string> { ["host"] = "collector" });
        Assert.Equal(42, record.TimestampNs);
        Assert.Equal("app", record.Service);
        Assert.Equal("collector", record.Labels["host"]);

        var withoutStreamHost = draft.ToRecord("id-3", 42, "fallback", new Dictionary<string, string>());
        Assert.Equal("box", withoutStreamHost.Labels["host"]);
    }
}
