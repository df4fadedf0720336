using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Parsing;
using AirisEpm.LogService.Syslog;

namespace AirisEpm.LogService.Tests.Syslog;

/// <summary>What one connection's messages become: service, host, level, facility and severity, stacks, ids.</summary>
public sealed class SyslogRecordAssemblerTests
{
    private const long ReceivedNs = 1_700_000_000_000_000_000;

    private static List<LogRecord> Assemble(string peer, params string[] messages)
    {
        var assembler = new SyslogRecordAssembler(new RawLineParser(), peer);
        var records = new List<LogRecord>();
        foreach (var message in messages) assembler.Push(message, ReceivedNs, records);
        assembler.Flush(records);
        Assert.False(assembler.HasOpenRecord);
        return records;
    }

    [Fact]
    public void Rfc5424_gives_service_host_level_facility_and_severity()
    {
        var record = Assert.Single(Assemble("10.1.1.1", "<165>1 2003-10-11T22:14:15.003Z web-1.example.com checkout 811 ORDER [meta@1 region=\"eu\"] order o-17 paid"));
        Assert.Equal(("checkout", "web-1.example.com", Severity.Info, "order o-17 paid"), (record.Service, record.Labels["host"], record.Level, record.Message));
        Assert.Equal("local4", record.Fields["facility"]);
        Assert.Equal("notice", record.Fields["severity"]);
        Assert.Equal("811", record.Fields["pid"]);
        Assert.Equal("eu", record.Fields["meta@1.region"]);
        Assert.Equal(DateTimeOffset.Parse("2003-10-11T22:14:15.003Z").ToUnixTimeMilliseconds() * 1_000_000, record.TimestampNs);
    }

    [Fact]
    public void Rfc3164_takes_the_tag_as_service()
    {
        var record = Assert.Single(Assemble("10.1.1.1", "<82>Oct 11 22:14:15 mymachine su[230]: 'su root' failed for lonvick"));
        Assert.Equal(("su", "mymachine", Severity.Fatal, "'su root' failed for lonvick"), (record.Service, record.Labels["host"], record.Level, record.Message));
        Assert.Equal(("authpriv", "crit", "230"), (record.Fields["facility"], record.Fields["severity"], record.Fields["pid"]));
    }

    [Fact]
    public void Without_a_hostname_the_peer_is_the_host_and_without_app_name_the_service_is_unknown()
    {
        var record = Assert.Single(Assemble("192.0.2.7", "<14>1 - - - - - - bare"));
        Assert.Equal(("unknown_service", "192.0.2.7", "bare", ReceivedNs), (record.Service, record.Labels["host"], record.Message, record.TimestampNs));
        Assert.Equal("info", record.Fields["severity"]);
    }

    [Fact]
    public void Headerless_continuation_lines_join_the_record_before_them_and_each_record_keeps_its_own_severity()
    {
        var records = Assemble("10.0.0.1",
            "<11>1 2024-05-01T10:00:00Z app-1 billing - - - charge failed: java.lang.IllegalStateException: card expired",
            "\tat com.shop.Pay.charge(Pay.java:42)",
            "\tat com.shop.Api.post(Api.java:7)",
            "<15>1 2024-05-01T10:00:01Z app-1 billing - - - retry scheduled");
        Assert.Equal(2, records.Count);
        Assert.Equal("\tat com.shop.Pay.charge(Pay.java:42)\n\tat com.shop.Api.post(Api.java:7)", records[0].StackTrace);
        Assert.Equal(("err", Severity.Error), (records[0].Fields["severity"], records[0].Level));
        Assert.Equal(("debug", Severity.Debug), (records[1].Fields["severity"], records[1].Level));
    }

    [Fact]
    public void A_record_is_held_until_the_next_starts_or_a_flush()
    {
        var assembler = new SyslogRecordAssembler(new RawLineParser(), "p");
        var records = new List<LogRecord>();
        assembler.Push("<14>1 - h a - - - first", ReceivedNs, records);
        assembler.Push("", ReceivedNs, records);
        Assert.Empty(records);
        Assert.True(assembler.HasOpenRecord);
        assembler.Push("<14>1 - h a - - - second", ReceivedNs, records);
        Assert.Equal("first", Assert.Single(records).Message);
        assembler.Flush(records);
        Assert.Equal("second", records[1].Message);
    }

    [Fact]
    public void Lines_without_a_pri_have_no_severity_field_and_every_record_gets_a_distinct_id()
    {
        var records = Assemble("p", "plain text line", "ERROR something broke", "<14>1 - h a - - - x");
        Assert.All(records.Take(2), r => Assert.False(r.Fields.ContainsKey("severity")));
        Assert.Equal(Severity.Error, records[1].Level);
        Assert.Equal(3, records.Select(r => r.Id).Distinct().Count());
        Assert.All(records, r => Assert.Equal(22, r.Id.Length));
    }

    [Fact]
    public void A_message_with_inner_newlines_is_one_record()
    {
        var record = Assert.Single(Assemble("p", "<11>1 - h app - - - first line\nsecond line\n\tat X.y(X.java:1)"));
        Assert.Equal("app", record.Service);
        Assert.Contains("second line", record.Message, StringComparison.Ordinal);
    }
}
