using AirisEpm.GoTemplates;

namespace AirisEpm.LogService.Tests.LogQl.Templates;

/// <summary>Go's time layouts and <c>time.ParseDuration</c>, which Loki's templates and unwrap conversions use.</summary>
public sealed class GoLayoutAndDurationTests
{
    private static readonly DateTimeOffset Time = new(2026, 3, 7, 14, 5, 9, TimeSpan.FromHours(-5));

    [Theory]
    [InlineData("2006-01-02T15:04:05Z07:00", "2026-03-07T14:05:09-05:00")]
    [InlineData("Mon Jan _2 15:04:05 2006", "Sat Mar  7 14:05:09 2026")]
    [InlineData("January 2, 06 3:4:5 pm -0700", "March 7, 26 2:5:9 pm -0500")]
    [InlineData("002 __2 Monday Month", "066  66 Saturday Month")]
    [InlineData("15:04:05.000 .999 ,00", "14:05:09.000  ,00")]
    public void Layouts_format_as_go_does(string layout, string expected)
    {
        Assert.Equal(expected, GoTimeLayout.Format(Time, layout));
    }

    [Theory]
    [InlineData("2006-01-02T15:04:05Z07:00", "2026-03-07T14:05:09-05:00", "2026-03-07T19:05:09.0000000+00:00")]
    [InlineData("2006-01-02 15:04:05.999", "2026-03-07 14:05:09.25", "2026-03-07T14:05:09.2500000+00:00")]
    [InlineData("Jan _2 3:04PM MST", "Mar  7 2:05PM UTC", "0001-03-07T14:05:00.0000000+00:00")]
    [InlineData("02/01/06", "07/03/26", "2026-03-07T00:00:00.0000000+00:00")]
    public void Layouts_parse_as_go_does(string layout, string text, string utc)
    {
        Assert.True(GoTimeLayout.TryParse(layout, text, TimeSpan.Zero, out var parsed));
        Assert.Equal(utc, parsed.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2006-01-02", "2026-13-01")]
    [InlineData("2006-01-02", "2026-01-02x")]
    [InlineData("15:04", "1504")]
    public void Text_that_does_not_fit_the_layout_does_not_parse(string layout, string text)
    {
        Assert.False(GoTimeLayout.TryParse(layout, text, TimeSpan.Zero, out _));
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("300ms", 300_000_000L)]
    [InlineData("-1.5h", -5_400_000_000_000L)]
    [InlineData("2h45m", 9_900_000_000_000L)]
    [InlineData("1µs1us1μs1ns", 3_001L)]
    [InlineData(".5s", 500_000_000L)]
    [InlineData("+5.s", 5_000_000_000L)]
    public void Durations_parse_as_time_ParseDuration(string text, long ns)
    {
        Assert.True(GoDuration.TryParse(text, out var parsed, out _));
        Assert.Equal(ns, parsed);
    }

    [Theory]
    [InlineData("", "time: invalid duration \"\"")]
    [InlineData("1", "time: missing unit in duration \"1\"")]
    [InlineData("1d", "time: unknown unit \"d\" in duration \"1d\"")]
    [InlineData("abc", "time: invalid duration \"abc\"")]
    [InlineData("1.2.3s", "time: invalid duration \"1.2.3s\"")]
    [InlineData("9999999999h", "time: invalid duration \"9999999999h\"")]
    public void Bad_durations_give_gos_error(string text, string error)
    {
        Assert.False(GoDuration.TryParse(text, out _, out var message));
        Assert.Equal(error, message);
    }
}
