using AirisEpm.PromQl.Engine;
using static AirisEpm.PromQl.Tests.Engine.EngineAssert;
using static AirisEpm.PromQl.Tests.Engine.Q;

namespace AirisEpm.PromQl.Tests.Engine;

public sealed class TrendTests
{
    [Fact]
    public async Task Deriv_is_the_least_squares_slope_per_second()
    {
        var source = TestData.Load("1m", ("x", "0+60x10"));
        await Vector(source, F("deriv", Sel("x").R("10m")), "10m", ("{}", 1));
    }

    [Fact]
    public async Task Deriv_of_noisy_samples_fits_a_line()
    {
        // Points (60,1) (120,3) (180,2): slope = Σ(x-x̄)(y-ȳ) / Σ(x-x̄)² = 60 / 7200.
        var source = TestData.Load("1m", ("x", "0 1 3 2"));
        await Vector(source, F("deriv", Sel("x").R("3m")), "3m", ("{}", 60.0 / 7200));
    }

    [Fact]
    public async Task Predict_linear_extends_the_line_from_the_evaluation_time()
    {
        var source = TestData.Load("1m", ("x", "0+60x10"));
        await Vector(source, F("predict_linear", Sel("x").R("10m"), N(3600)), "10m", ("{}", 600 + 3600));

        // With an offset the data are older but the line is still anchored at the evaluation time.
        await Vector(source, F("predict_linear", Sel("x").Offset("5m").R("5m"), N(0)), "10m", ("{}", 600));
    }

    [Fact]
    public async Task A_constant_series_has_slope_zero_and_one_sample_none()
    {
        var source = TestData.Load("1m", ("x", "5x5"), ("y", "1"));
        await Vector(source, F("deriv", Sel("x").R("5m")), "5m", ("{}", 0));
        await Vector(source, F("predict_linear", Sel("x").R("5m"), N(100)), "5m", ("{}", 5));
        await Vector(source, F("deriv", Sel("y").R("5m")), "1m");
    }

    [Fact]
    public async Task A_constant_infinite_series_predicts_NaN()
    {
        var source = TestData.Load("1m", ("x", "Inf Inf Inf"));
        await Vector(source, F("deriv", Sel("x").R("3m")), "2m", ("{}", double.NaN));
    }

    [Fact]
    public async Task Predict_linear_takes_a_per_step_horizon_in_a_range_query()
    {
        var source = TestData.Load("1m", ("x", "0+60x10"));
        await Matrix(source, F("predict_linear", Sel("x").R("5m"), F("time")), "6m", "8m", "1m",
            ("{}", $"{360 + 360} {420 + 420} {480 + 480}"));
    }
}
