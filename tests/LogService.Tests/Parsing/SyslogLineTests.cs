using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Parsing;

namespace AirisEpm.LogService.Tests.Parsing;

/// <summary>RFC 5424 and RFC 3164, with and without PRI, as senders and files write them. Receive time is 2024-03-15T12:00:00Z.</summary>
public sealed class SyslogLineTests
{
    public static readonly TheoryData<LineCase> Cases =
    [
        // RFC 5424 §6.5 examples.
        new LineCase("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF'su root' failed for lonvick on /dev/pts/8",
            LineFormat.Syslog5424, "2003-10-11T22:14:15.003Z", Severity.Fatal, "'su root' failed for lonvick on /dev/pts/8")
        {
            Host = "mymachine.example.com", Service = "su",
            Fields = new Dictionary<string, string> { ["facility"] = "auth", ["msgid"] = "ID47" },
        },
        new LineCase("""<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.""",
            LineFormat.Syslog5424, "2003-08-24T12:14:15.000003Z", Severity.Info, "%% It's time to make the do-nuts.")
        {
            Host = "192.0.2.1", Service = "myproc", Fields = new Dictionary<string, string> { ["facility"] = "local4", ["pid"] = "8710" },
        },
        new LineCase("""<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"][examplePriority@32473 class="high \"x\" \] y"] An application event""",
            LineFormat.Syslog5424, "2003-10-11T22:14:15.003Z", Severity.Info, "An application event")
        {
            Host = "mymachine.example.com", Service = "evntslog",
            Fields = new Dictionary<string, string>
            {
                ["facility"] = "local4", ["msgid"] = "ID47", ["exampleSDID@32473.iut"] = "3", ["exampleSDID@32473.eventSource"] = "Application",
                ["exampleSDID@32473.eventID"] = "1011", ["examplePriority@32473.class"] = "high \"x\" ] y",
            },
        },
        // Nil everything, no message; then malformed structured data kept as the message.
        new LineCase("<14>1 - - - - - -", LineFormat.Syslog5424, null, Severity.Info, "") { Fields = new Dictionary<string, string> { ["facility"] = "user" } },
        new LineCase("<11>1 2024-01-02T03:04:05Z h app 1 - [broken sd no close", LineFormat.Syslog5424, "2024-01-02T03:04:05Z", Severity.Error, "[broken sd no close")
        {
            Host = "h", Service = "app", Fields = new Dictionary<string, string> { ["facility"] = "user", ["pid"] = "1" },
        },
        // RFC 3164 §5.4 example, and rsyslog's forwarding format with an RFC 3339 time.
        new LineCase("<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
            LineFormat.Syslog3164, "2023-10-11T22:14:15Z", Severity.Fatal, "'su root' failed for lonvick on /dev/pts/8")
        {
            Host = "mymachine", Service = "su", Fields = new Dictionary<string, string> { ["facility"] = "auth" },
        },
        new LineCase("<30>2024-01-02T03:04:05.123456+01:00 web-1 nginx[812]: started", LineFormat.Syslog3164, "2024-01-02T02:04:05.123456Z", Severity.Info, "started")
        {
            Host = "web-1", Service = "nginx", Fields = new Dictionary<string, string> { ["facility"] = "daemon", ["pid"] = "812" },
        },
        // As /var/log/syslog writes it: no PRI, the level (if any) from the message's first word.
        new LineCase("Mar  1 10:00:00 box sshd[24200]: error: Received disconnect from 1.2.3.4", LineFormat.Syslog3164, "2024-03-01T10:00:00Z", Severity.Error,
            "error: Received disconnect from 1.2.3.4")
        {
            Host = "box", Service = "sshd", Fields = new Dictionary<string, string> { ["pid"] = "24200" },
        },
        // Without a year, a date later than the receive time (plus a day) is from the year before.
        new LineCase("Dec 31 23:59:59 box kernel: [ 0.000000] Linux version 6.1", LineFormat.Syslog3164, "2023-12-31T23:59:59Z", Severity.Unknown,
            "[ 0.000000] Linux version 6.1") { Host = "box", Service = "kernel" },
        new LineCase("Jul  7 08:06:15 combo  -- root[2421]: ROOT LOGIN ON tty2", LineFormat.Syslog3164, "2023-07-07T08:06:15Z", Severity.Unknown, "ROOT LOGIN ON tty2")
        {
            Host = "combo", Service = "-- root", Fields = new Dictionary<string, string> { ["pid"] = "2421" },
        },
        new LineCase("Mar 15 11:00:00 box no tag here at all", LineFormat.Syslog3164, "2024-03-15T11:00:00Z", Severity.Unknown, "no tag here at all") { Host = "box" },
        // rsyslog's high-precision file format, no PRI.
        new LineCase("2024-01-02T03:04:05.678901+00:00 db-2 postgres[99]: checkpoint complete", LineFormat.Syslog3164, "2024-01-02T03:04:05.678901Z", Severity.Unknown,
            "checkpoint complete")
        {
            Host = "db-2", Service = "postgres", Fields = new Dictionary<string, string> { ["pid"] = "99" },
        },
        new LineCase("<13>no timestamp at all", LineFormat.Syslog3164, null, Severity.Info, "no timestamp at all")
        {
            Fields = new Dictionary<string, string> { ["facility"] = "user" },
        },
        new LineCase("<192>1 2024-01-02T03:04:05Z h a - - - priority out of range", LineFormat.Plain, null, Severity.Unknown, "<192>1 2024-01-02T03:04:05Z h a - - - priority out of range"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parses(LineCase expected) => expected.AssertMatches(ParsingTestData.Parse(expected.Line));
}
