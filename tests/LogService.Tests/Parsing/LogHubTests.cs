using System.Globalization;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Parsing;

namespace AirisEpm.LogService.Tests.Parsing;

/// <summary>
/// Real logs (LogHub 2k samples): every line of every dataset parses, and for the formats we
/// support, the timestamp / level / message split (plus host, service, pid, logger, thread where
/// the CSV has them) equals LogHub's hand-checked <c>_structured.csv</c> for every line.
/// BGL's RAS format is not one we split, so it is only parsed.
/// </summary>
public sealed class LogHubTests
{
    // Late in a year, so the year-less syslog dates (Linux: June-July, OpenSSH: December) all fall in it.
    private static readonly long ReceivedNs = ParsingTestData.Ns("2024-12-31T23:59:59Z");

    /// <summary>What one CSV row says the draft must contain.</summary>
    private sealed record Expected(long TimestampNs, Severity Level, string Message)
    {
        public string? Host { get; init; }
        public string? Service { get; init; }
        public string? Pid { get; init; }
        public string? Logger { get; init; }
        public string? Thread { get; init; }
    }

    private static readonly Dictionary<string, (LineFormat Format, Func<Dictionary<string, string>, Expected> Expect)> Supported = new()
    {
        ["Apache"] = (LineFormat.ApacheError, row => new Expected(
            Ns(row["Time"], "ddd MMM dd HH:mm:ss yyyy"), SeverityParser.Parse(row["Level"]), row["Content"])),
        ["OpenSSH"] = (LineFormat.Syslog3164, row => new Expected(
            Ns($"2024 {row["Date"]} {row["Day"]} {row["Time"]}", "yyyy MMM d HH:mm:ss"), LeadingLevel(row["Content"]), row["Content"])
        {
            Host = row["Component"], Service = "sshd", Pid = row["Pid"],
        }),
        // LogHub's Linux CSV calls the host column "Level".
        ["Linux"] = (LineFormat.Syslog3164, row => new Expected(
            Ns($"2024 {row["Month"]} {row["Date"]} {row["Time"]}", "yyyy MMM d HH:mm:ss"), LeadingLevel(row["Content"]), row["Content"])
        {
            Host = row["Level"], Service = row["Component"], Pid = NullIfEmpty(row["PID"]),
        }),
        ["HDFS"] = (LineFormat.Application, row => new Expected(
            Ns($"{row["Date"]} {row["Time"].PadLeft(6, '0')}", "yyMMdd HHmmss"), SeverityParser.Parse(row["Level"]), row["Content"])
        {
            Pid = row["Pid"], Logger = row["Component"],
        }),
        ["Hadoop"] = (LineFormat.Application, row => new Expected(
            Ns($"{row["Date"]} {row["Time"]}", "yyyy-MM-dd HH:mm:ss,fff"), SeverityParser.Parse(row["Level"]), row["Content"])
        {
            Thread = row["Process"], Logger = row["Component"],
        }),
        ["Spark"] = (LineFormat.Application, row => new Expected(
            Ns($"{row["Date"]} {row["Time"]}", "yy/MM/dd HH:mm:ss"), SeverityParser.Parse(row["Level"]), row["Content"])
        {
            Logger = row["Component"],
        }),
        // LogHub splits Zookeeper's "%t:%C{1}@%L" thread bracket into three columns; we keep it whole.
        ["Zookeeper"] = (LineFormat.Application, row => new Expected(
            Ns($"{row["Date"]} {row["Time"]}", "yyyy-MM-dd HH:mm:ss,fff"), SeverityParser.Parse(row["Level"]), row["Content"])
        {
            Thread = $"{row["Node"]}:{row["Component"]}@{row["Id"]}",
        }),
    };

    public static TheoryData<string> AllDatasets => new(LogHubData.Datasets);

    public static TheoryData<string> SupportedDatasets => new(Supported.Keys);

    [Theory]
    [MemberData(nameof(AllDatasets))]
    public void Every_line_parses_alone_and_as_a_body(string dataset)
    {
        var lines = LogHubData.Lines(dataset);
        Assert.Equal(2000, lines.Length);
        foreach (var line in lines) Assert.NotNull(ParsingTestData.Parser.Parse(line, ReceivedNs).Message);
        var records = MultilineAssembler.ParseText(ParsingTestData.Parser, LogHubData.Text(dataset), ReceivedNs);
        Assert.InRange(records.Count, 1, 2000);
    }

    [Theory]
    [MemberData(nameof(SupportedDatasets))]
    public void Header_split_matches_the_structured_csv(string dataset)
    {
        var (format, expect) = Supported[dataset];
        var lines = LogHubData.Lines(dataset);
        var rows = LogHubData.Structured(dataset);
        Assert.Equal(lines.Length, rows.Count);
        var mismatches = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var draft = ParsingTestData.Parser.Parse(lines[i], ReceivedNs);
            var expected = expect(rows[i]);
            var actual = new Expected(draft.TimestampNs ?? 0, draft.Level, MessageAsLogHubWritesIt(draft))
            {
                Host = expected.Host is null ? null : draft.Host,
                Service = expected.Service is null ? null : draft.Service,
                Pid = expected.Pid is null ? null : draft.Fields.GetValueOrDefault("pid"),
                Logger = expected.Logger is null ? null : draft.Logger,
                Thread = expected.Thread is null ? null : draft.Thread,
            };
            if (draft.Format != format || actual != expected) mismatches.Add($"line {i + 1}: {lines[i]}\n  expected {expected}\n  actual   {draft.Format} {actual}");
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {lines.Length} lines differ from the CSV:\n{string.Join("\n", mismatches.Take(5))}");
    }

    /// <summary>LogHub keeps Apache's <c>[client ...]</c> in the content; we move it to a field.</summary>
    private static string MessageAsLogHubWritesIt(LogDraft draft) =>
        draft.Format == LineFormat.ApacheError && draft.Fields.TryGetValue("client", out var client) ? $"[client {client}] {draft.Message}" : draft.Message;

    /// <summary>Syslog without PRI takes its level from the message's first words, the rule under test elsewhere.</summary>
    private static Severity LeadingLevel(string content) => AirisEpm.LogService.Parsing.Internal.LeadingLevel.Find(content);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static long Ns(string text, string format)
    {
        var instant = DateTime.ParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return (instant.Ticks - DateTime.UnixEpoch.Ticks) * 100;
    }
}
