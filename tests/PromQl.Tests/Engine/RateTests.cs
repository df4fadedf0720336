using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;
using static AirisEpm.PromQl.Tests.Engine.EngineAssert;
using static AirisEpm.PromQl.Tests.Engine.Q;

namespace AirisEpm.PromQl.Tests.Engine;

/// <summary>rate, increase, delta, irate, idelta with Prometheus's extrapolation, worked out by hand.</summary>
public sealed class RateTests
{
    [Fact]
    public async Task Rate_extrapolates_to_the_window_start_when_the_first_sample_is_within_an_interval()
    {
        // (0, 5m] holds 10..50 at 1m..5m: 40 over 240 s, extended by the 60 s to the start: 50 per 300 s.
        var source = TestData.Load("1m", ("x_total{job=\"a\"}", "0+10x10"));
        await Vector(source, F("rate", Sel("x_total").R("5m")), "5m", ("{job=\"a\"}", 50.0 / 300));
        await Vector(source, F("increase", Sel("x_total").R("5m")), "5m", ("{job=\"a\"}", 50));
    }

    [Fact]
    public async Task Both_ends_are_extrapolated_within_one_point_one_intervals()
    {
        // (30s, 3m30s] holds 10, 20, 30: 20 over 120 s, plus 30 s at each end: × 1.5.
        var source = TestData.Load("1m", ("x", "0 10 20 30"));
        await Vector(source, F("increase", Sel("x").R("3m")), "3m30s", ("{}", 30));
        await Vector(source, F("rate", Sel("x").R("3m")), "3m30s", ("{}", 30.0 / 180));
    }

    [Fact]
    public async Task A_series_that_ends_inside_the_window_is_extrapolated_half_an_interval()
    {
        // (0, 5m] holds 10 at 1m and 20 at 2m; the end is 180 s away (more than 66 s): only 30 s is added there.
        var source = TestData.Load("1m", ("x", "0 10 20"));
        await Vector(source, F("increase", Sel("x").R("5m")), "5m", ("{}", 10 * (60 + 60 + 30) / 60.0));
    }

    [Fact]
    public async Task A_series_that_starts_inside_the_window_is_extrapolated_half_an_interval()
    {
        // Samples at 1m..3m of 100, 101, 102 in (-2m, 3m]: 180 s to the start becomes 30 s.
        var source = TestData.Load("1m", ("x", "_ 100 101 102"));
        await Vector(source, F("increase", Sel("x").R("5m")), "3m", ("{}", 2 * (120 + 30) / 120.0));
    }

    [Fact]
    public async Task A_counter_is_not_extrapolated_below_zero()
    {
        // 2, 12, 22 at 1m..3m in (30s, 3m30s]: zero would be reached 12 s before the first sample, not 30 s.
        var source = TestData.Load("1m", ("x", "_ 2 12 22"));
        await Vector(source, F("increase", Sel("x").R("3m")), "3m30s", ("{}", 20 * (120 + 12 + 30) / 120.0));

        // delta is for gauges and has no such floor.
        await Vector(source, F("delta", Sel("x").R("3m")), "3m30s", ("{}", 20 * 1.5));
    }

    [Fact]
    public async Task Delta_goes_negative_for_a_falling_gauge()
    {
        var source = TestData.Load("1m", ("x", "_ 22 12 2"));
        await Vector(source, F("delta", Sel("x").R("3m")), "3m30s", ("{}", -30));
    }

    [Fact]
    public async Task A_counter_reset_adds_the_value_before_the_drop()
    {
        // 0 10 20 5 15 in (-30s, 4m]: 15 - 0 + 20; the zero point is the first sample itself, so no start extrapolation.
        var source = TestData.Load("1m", ("x", "0 10 20 5 15"));
        await Vector(source, F("increase", Sel("x").R("4m30s")), "4m", ("{}", 35));
        await Vector(source, F("resets", Sel("x").R("4m30s")), "4m", ("{}", 1));
    }

    [Fact]
    public async Task One_sample_is_not_enough_for_a_rate()
    {
        var source = TestData.Load("1m", ("x", "1 _ _ _ _ _ 7"));
        await Vector(source, F("rate", Sel("x").R("2m")), "1m");
        await Vector(source, F("irate", Sel("x").R("2m")), "1m");
        await Vector(source, F("delta", Sel("x").R("2m")), "6m");
    }

    [Fact]
    public async Task Stale_markers_inside_the_window_are_not_samples()
    {
        var source = TestData.Load("1m", ("x", "0 10 stale 30 40"));
        await Vector(source, F("increase", Sel("x").R("4m")), "4m", ("{}", 30 * (180 + 60) / 180.0));
    }

    [Fact]
    public async Task Irate_and_idelta_use_the_last_two_samples()
    {
        var source = TestData.Load("1m", ("x", "0 10 20 5"));
        await Vector(source, F("irate", Sel("x").R("5m")), "2m", ("{}", 10.0 / 60));
        await Vector(source, F("idelta", Sel("x").R("5m")), "2m", ("{}", 10));

        // After a reset irate counts the new value from zero; idelta is plain subtraction.
        await Vector(source, F("irate", Sel("x").R("5m")), "3m", ("{}", 5.0 / 60));
        await Vector(source, F("idelta", Sel("x").R("5m")), "3m", ("{}", -15));
    }

    [Fact]
    public async Task Rate_with_an_offset_reads_the_earlier_window()
    {
        var source = TestData.Load("1m", ("x_total", "0+10x20"));
        await Vector(source, F("rate", Sel("x_total").Offset("5m").R("5m")), "10m", ("{}", 50.0 / 300));
    }

    [Fact]
    public async Task A_range_query_rates_every_step()
    {
        var source = TestData.Load("30s", ("x_total{i=\"1\"}", "0+30x40"));
        await Matrix(source, F("rate", Sel("x_total").R("1m")), "1m", "5m", "1m", ("{i=\"1\"}", "1 1 1 1 1"));
    }

    [Fact]
    public async Task Series_that_collide_once_the_name_is_dropped_fail()
    {
        var source = TestData.Load("1m", ("a_total{job=\"x\"}", "0+1x5"), ("b_total{job=\"x\"}", "0+2x5"));
        var query = F("rate", SelWith(null, M("__name__", MatchOp.Regex, "a_total|b_total")).R("5m"));
        await Fails(() => Instant(source, query, "5m"), PromQlErrorType.Execution, "vector cannot contain metrics with the same labelset");
    }

    [Fact]
    public async Task Rate_of_a_constant_counter_is_zero()
    {
        var source = TestData.Load("15s", ("x", "7x40"));
        await Vector(source, F("rate", Sel("x").R("5m")), "10m", ("{}", 0));
    }
}
