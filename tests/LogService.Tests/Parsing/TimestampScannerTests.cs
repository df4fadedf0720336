using AirisEpm.LogService.Parsing.Internal;

namespace AirisEpm.LogService.Tests.Parsing;

public sealed class TimestampScannerTests
{
    [Theory]
    [InlineData("2024-01-02T03:04:05Z", "2024-01-02T03:04:05Z")]
    [InlineData("2024-01-02 03:04:05,678", "2024-01-02T03:04:05.678Z")]
    [InlineData("2024-01-02T03:04:05.123456789+02:00", "2024-01-02T01:04:05.123456789Z")]
    [InlineData("2024-01-02T03:04:05.1234567891234-0130", "2024-01-02T04:34:05.123456789Z")]
    [InlineData("2024-01-02t03:04:05+05", "2024-01-01T22:04:05Z")]
    [InlineData("2024-01-02 03:04:05.678 +00:00", "2024-01-02T03:04:05.678Z")]
    [InlineData("2024-01-02 03:04:05 UTC", "2024-01-02T03:04:05Z")]
    [InlineData("2024/01/02 03:04:05", "2024-01-02T03:04:05Z")]
    [InlineData("2016-12-31T23:59:60Z", "2017-01-01T00:00:00Z")]
    [InlineData("1704164645", "2024-01-02T03:04:05Z")]
    [InlineData("1704164645.25", "2024-01-02T03:04:05.25Z")]
    [InlineData("1704164645678", "2024-01-02T03:04:05.678Z")]
    [InlineData("1704164645678901", "2024-01-02T03:04:05.678901Z")]
    [InlineData("1704164645678901234", "2024-01-02T03:04:05.678901234Z")]
    public void Field_values(string text, string expected)
    {
        Assert.True(TimestampScanner.TryField(text, out var ns));
        Assert.Equal(ParsingTestData.Ns(expected), ns);
    }

    [Theory]
    [InlineData("2024-02-30T00:00:00Z")]
    [InlineData("2024-01-02T24:00:00Z")]
    [InlineData("2024-01-02T03:04Z")]
    [InlineData("2024-01-02T03:04:05+19:00")]
    [InlineData("2024-01-02T03:04:05Z trailing")]
    [InlineData("9999-01-02T03:04:05Z")]
    [InlineData("-1704164645")]
    [InlineData("17041646456789012345")]
    [InlineData("1.2.3")]
    [InlineData("")]
    public void Field_values_that_are_not_times(string text) => Assert.False(TimestampScanner.TryField(text, out _));

    [Fact]
    public void Year_less_dates_take_the_receive_year_or_the_one_before()
    {
        var received = ParsingTestData.Ns("2024-01-01T00:30:00Z");
        Assert.True(TimestampScanner.TryWithInferredYear(12, 31, 23, 59, 0, 0, received, out var december));
        Assert.Equal(ParsingTestData.Ns("2023-12-31T23:59:00Z"), december);
        Assert.True(TimestampScanner.TryWithInferredYear(1, 1, 12, 0, 0, 0, received, out var clockSkew));
        Assert.Equal(ParsingTestData.Ns("2024-01-01T12:00:00Z"), clockSkew);
        Assert.True(TimestampScanner.TryWithInferredYear(2, 29, 0, 0, 0, 0, ParsingTestData.Ns("2025-03-01T00:00:00Z"), out var leapDay));
        Assert.Equal(ParsingTestData.Ns("2024-02-29T00:00:00Z"), leapDay);
    }

    [Fact]
    public void Extreme_receive_times_do_not_throw()
    {
        foreach (var received in new[] { long.MinValue, -1L, 0L, long.MaxValue })
        {
            _ = TimestampScanner.TryWithInferredYear(6, 15, 1, 2, 3, 0, received, out _);
            _ = ParsingTestData.Parser.Parse("[12:00:00 INF] x", received);
            _ = ParsingTestData.Parser.Parse("Jun 14 15:16:01 combo sshd[1]: x", received);
        }
    }
}
