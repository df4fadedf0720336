using AirisEpm.WebConsole.Dashboards;

namespace AirisEpm.Console.Tests.Dashboards;

/// <summary>
/// What the page puts in place of Grafana's time macros; the page's own implementation is held to the same table.
/// </summary>
public sealed class TimeMacrosTests
{
    private static readonly TimeSpan SixHours = TimeSpan.FromHours(6);

    [Theory]
    [InlineData(15, 60)]   // four scrapes, when the step is the scrape interval
    [InlineData(30, 60)]
    [InlineData(45, 60)]
    [InlineData(60, 75)]   // step + one scrape, once the step outgrows three scrapes
    [InlineData(300, 315)]
    public void Rate_interval_is_the_larger_of_step_plus_a_scrape_and_four_scrapes(int stepSeconds, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), TimeMacros.RateInterval(TimeSpan.FromSeconds(stepSeconds), TimeMacros.DefaultScrapeInterval));

    [Theory]
    [InlineData("rate(x[$__rate_interval])", "rate(x[60s])")]
    [InlineData("rate(x[${__rate_interval}])", "rate(x[60s])")]
    [InlineData("rate(x[[[__rate_interval]]])", "rate(x[60s])")]
    [InlineData("avg_over_time(x[$__interval])", "avg_over_time(x[30s])")]
    [InlineData("x / $__interval_ms", "x / 30000")]
    [InlineData("increase(x[$__range])", "increase(x[21600s])")]
    [InlineData("x * $__range_s + $__range_ms", "x * 21600 + 21600000")]
    [InlineData("x{job=\"$job\"} offset $__unknown", "x{job=\"$job\"} offset $__unknown")]
    public void Macros_become_promql_durations_from_the_step_and_the_range(string expr, string expected) =>
        Assert.Equal(expected, TimeMacros.Interpolate(expr, TimeSpan.FromSeconds(30), SixHours));

    [Fact]
    public void A_step_finer_than_a_second_is_written_in_milliseconds() =>
        Assert.Equal("rate(x[1500ms])", TimeMacros.Interpolate("rate(x[$__interval])", TimeSpan.FromMilliseconds(1500), SixHours));

    [Fact]
    public void Referenced_names_lists_every_spelling() =>
        Assert.Equal(["__interval", "__rate_interval", "__range", "__timeFilter"],
            TimeMacros.ReferencedNames("a[$__interval] b[${__rate_interval}] c[[[__range]]] $__timeFilter"));
}
