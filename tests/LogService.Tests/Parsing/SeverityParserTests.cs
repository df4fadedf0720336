using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Parsing;

namespace AirisEpm.LogService.Tests.Parsing;

public sealed class SeverityParserTests
{
    public static readonly TheoryData<string, Severity> Aliases = new()
    {
        { "TRACE", Severity.Trace }, { "trc", Severity.Trace }, { "Verbose", Severity.Trace }, { "VRB", Severity.Trace }, { "trce", Severity.Trace },
        { "trace3", Severity.Trace }, { "TRAC", Severity.Trace },
        { "DEBUG", Severity.Debug }, { "dbg", Severity.Debug }, { "dbug", Severity.Debug }, { "DEBU", Severity.Debug },
        { "INFO", Severity.Info }, { "inf", Severity.Info }, { "Information", Severity.Info }, { "NOTICE", Severity.Info }, { "informational", Severity.Info },
        { "WARN", Severity.Warn }, { "Warning", Severity.Warn }, { "WRN", Severity.Warn },
        { "ERR", Severity.Error }, { "error", Severity.Error }, { "EROR", Severity.Error }, { "ERRO", Severity.Error }, { "fail", Severity.Error },
        { "SEVERE", Severity.Error },
        { "FATAL", Severity.Fatal }, { "Critical", Severity.Fatal }, { "crit", Severity.Fatal }, { "EMERG", Severity.Fatal },
        { "emergency", Severity.Fatal }, { "ALERT", Severity.Fatal }, { "panic", Severity.Fatal }, { "FTL", Severity.Fatal },
        { " info ", Severity.Info },
        { "informed", Severity.Unknown }, { "", Severity.Unknown }, { "warnings", Severity.Unknown }, { "3", Severity.Unknown },
        { "an-extremely-long-token", Severity.Unknown },
    };

    [Theory]
    [MemberData(nameof(Aliases))]
    public void Names_and_aliases_map_case_insensitively(string text, Severity expected) => Assert.Equal(expected, SeverityParser.Parse(text));

    [Theory]
    [InlineData(0, Severity.Fatal)]
    [InlineData(1, Severity.Fatal)]
    [InlineData(2, Severity.Fatal)]
    [InlineData(3, Severity.Error)]
    [InlineData(4, Severity.Warn)]
    [InlineData(5, Severity.Info)]
    [InlineData(6, Severity.Info)]
    [InlineData(7, Severity.Debug)]
    [InlineData(8, Severity.Unknown)]
    [InlineData(-1, Severity.Unknown)]
    public void Syslog_severities(int value, Severity expected) => Assert.Equal(expected, SeverityParser.FromSyslog(value));

    [Fact]
    public void Otlp_severity_numbers_in_fours()
    {
        var expected = new[] { Severity.Trace, Severity.Debug, Severity.Info, Severity.Warn, Severity.Error, Severity.Fatal };
        for (var number = 1; number <= 24; number++) Assert.Equal(expected[(number - 1) / 4], SeverityParser.FromOtlpNumber(number));
        Assert.Equal(Severity.Unknown, SeverityParser.FromOtlpNumber(0));
        Assert.Equal(Severity.Unknown, SeverityParser.FromOtlpNumber(25));
    }

    [Theory]
    [InlineData(10, Severity.Trace)]
    [InlineData(30, Severity.Info)]
    [InlineData(50, Severity.Error)]
    [InlineData(60, Severity.Fatal)]
    [InlineData(3, Severity.Error)]
    [InlineData(35, Severity.Unknown)]
    public void Unnamed_numbers_are_pino_or_syslog(long value, Severity expected) => Assert.Equal(expected, SeverityParser.FromNumber(value));
}
