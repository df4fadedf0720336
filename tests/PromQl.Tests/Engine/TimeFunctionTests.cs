using AirisEpm.PromQl.Engine;
using static AirisEpm.PromQl.Tests.Engine.EngineAssert;
using static AirisEpm.PromQl.Tests.Engine.Q;

namespace AirisEpm.PromQl.Tests.Engine;

public sealed class TimeFunctionTests
{
    [Fact]
    public async Task Time_is_the_evaluation_time_in_seconds()
    {
        var source = new InMemorySeriesSource();
        await Scalar(source, F("time"), "1h", 3600);
        await Matrix(source, F("time"), "0s", "2m", "1m", ("{}", "0 60 120"));
    }

    [Fact]
    public async Task Timestamp_of_a_selector_is_the_sample_time_and_otherwise_the_evaluation_time()
    {
        var source = TestData.Load("1m", ("x{a=\"1\"}", "1 2"));
        await Vector(source, F("timestamp", Sel("x")), "90s", ("{a=\"1\"}", 60));
        await Vector(source, F("timestamp", Paren(Sel("x"))), "90s", ("{a=\"1\"}", 60));
        await Vector(source, F("timestamp", F("abs", Sel("x"))), "90s", ("{a=\"1\"}", 90));
    }

    [Fact]
    public async Task Timestamp_with_at_reports_the_pinned_sample_at_every_step()
    {
        var source = TestData.Load("1m", ("x", "1 2 3"));
        await Matrix(source, F("timestamp", Sel("x").At(90_000)), "0s", "3m", "1m", ("{}", "60 60 60 60"));
    }

    [Fact]
    public async Task Date_functions_read_values_as_unix_seconds_in_utc()
    {
        // 2024-02-29T13:45:00Z, a Thursday, day 60 of a leap year.
        var source = new InMemorySeriesSource();
        source.Add(TestData.Labels("t{k=\"v\"}"), 0, 1709214300);
        (string Function, double Expected)[] cases =
        [
            ("year", 2024), ("month", 2), ("day_of_month", 29), ("day_of_week", 4), ("day_of_year", 60),
            ("days_in_month", 29), ("hour", 13), ("minute", 45),
        ];
        foreach (var (function, expected) in cases)
        {
            await Vector(source, F(function, Sel("t")), "0s", ("{k=\"v\"}", expected));
        }
    }

    [Fact]
    public async Task Date_functions_without_an_argument_read_the_evaluation_time()
    {
        var source = new InMemorySeriesSource();
        await Vector(source, F("year"), "0s", ("{}", 1970));
        await Vector(source, F("day_of_week"), "0s", ("{}", 4));
        await Vector(source, F("days_in_month"), "0s", ("{}", 31));
        await Vector(source, F("hour"), "25h", ("{}", 1));
    }

    [Theory]
    [InlineData(-1, 1969, 12, 31, 23, 59, 3)]
    [InlineData(951782400, 2000, 2, 29, 0, 0, 2)]
    [InlineData(4107542400, 2100, 3, 1, 0, 0, 1)]
    public async Task Calendar_fields_hold_before_the_epoch_and_across_century_leap_rules(
        double seconds, int year, int month, int day, int hour, int minute, int weekday)
    {
        var source = new InMemorySeriesSource();
        source.Add(TestData.Labels("t"), 0, seconds);
        await Vector(source, F("year", Sel("t")), "0s", ("{}", year));
        await Vector(source, F("month", Sel("t")), "0s", ("{}", month));
        await Vector(source, F("day_of_month", Sel("t")), "0s", ("{}", day));
        await Vector(source, F("hour", Sel("t")), "0s", ("{}", hour));
        await Vector(source, F("minute", Sel("t")), "0s", ("{}", minute));
        await Vector(source, F("day_of_week", Sel("t")), "0s", ("{}", weekday));
    }
}
