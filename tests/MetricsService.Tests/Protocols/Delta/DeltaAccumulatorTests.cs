using AirisEpm.MetricsService.Protocols.Otlp.Delta;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.MetricsService.Tests.Protocols.Delta;

/// <summary>Delta-to-cumulative as OpenTelemetry's data model and the collector's deltatocumulative describe it.</summary>
public sealed class DeltaAccumulatorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private DeltaAccumulator Accumulator(int maxStreams = 100) => new(_time, TimeSpan.FromMinutes(5), maxStreams);

    private static double? Total(DeltaOutcome<CumulativeSum> outcome) => outcome.Total?.Value;

    [Fact]
    public void Contiguous_points_add_up_from_the_first()
    {
        var deltas = Accumulator();

        Assert.Equal(3, Total(deltas.Add(1, 0_000, 1_000, new CumulativeSum(3))));
        Assert.Equal(5, Total(deltas.Add(1, 1_000, 2_000, new CumulativeSum(2))));
        Assert.Equal(9, Total(deltas.Add(1, 2_000, 3_000, new CumulativeSum(4))));
        Assert.Equal(1, Total(deltas.Add(2, 2_000, 3_000, new CumulativeSum(1))));
    }

    [Fact]
    public void The_same_point_again_is_a_retry_and_is_not_added_twice()
    {
        var deltas = Accumulator();
        deltas.Add(1, 0, 1_000, new CumulativeSum(3));
        deltas.Add(1, 1_000, 2_000, new CumulativeSum(2));

        Assert.Equal(5, Total(deltas.Add(1, 1_000, 2_000, new CumulativeSum(2))));
        Assert.Equal(6, Total(deltas.Add(1, 2_000, 3_000, new CumulativeSum(1))));
    }

    [Fact]
    public void A_point_out_of_order_or_of_an_older_stream_is_rejected_and_leaves_the_total()
    {
        var deltas = Accumulator();
        deltas.Add(1, 1_000, 2_000, new CumulativeSum(3));
        deltas.Add(1, 2_000, 3_000, new CumulativeSum(2));

        Assert.Contains("out of order", deltas.Add(1, 1_000, 2_500, new CumulativeSum(7)).Problem);
        Assert.Contains("older stream", deltas.Add(1, 500, 4_000, new CumulativeSum(7)).Problem);
        Assert.Equal(6, Total(deltas.Add(1, 3_000, 4_000, new CumulativeSum(1))));
    }

    [Theory]
    [InlineData(3_500UL)] // a gap: the points between were missed
    [InlineData(1_500UL)] // an overlap that is not the last point: another writer, or a restarted one
    public void A_start_that_is_not_the_last_time_restarts_the_total(ulong start)
    {
        var deltas = Accumulator();
        deltas.Add(1, 1_000, 2_000, new CumulativeSum(3));
        deltas.Add(1, 2_000, 3_000, new CumulativeSum(2));

        Assert.Equal(4, Total(deltas.Add(1, start, 4_000, new CumulativeSum(4))));
        Assert.Equal(5, Total(deltas.Add(1, 4_000, 5_000, new CumulativeSum(1))));
    }

    [Fact]
    public void An_unknown_start_adds_to_the_total()
    {
        var deltas = Accumulator();
        deltas.Add(1, 0, 1_000, new CumulativeSum(3));

        Assert.Equal(5, Total(deltas.Add(1, 0, 2_000, new CumulativeSum(2))));
    }

    [Fact]
    public void A_series_unseen_for_max_stale_or_forgotten_starts_again()
    {
        var deltas = Accumulator();
        deltas.Add(1, 0, 1_000, new CumulativeSum(3));
        deltas.Add(2, 0, 1_000, new CumulativeSum(3));

        _time.Advance(TimeSpan.FromMinutes(6));
        deltas.Forget<CumulativeSum>(2);

        Assert.Equal(2, Total(deltas.Add(1, 1_000, 2_000, new CumulativeSum(2))));
        Assert.Equal(2, Total(deltas.Add(2, 1_000, 2_000, new CumulativeSum(2))));
        _time.Advance(TimeSpan.FromMinutes(6));
        deltas.Add(3, 0, 1_000, new CumulativeSum(1));
        Assert.Equal(1, deltas.Count);
    }

    [Fact]
    public void Past_the_limit_a_new_series_is_rejected_and_known_ones_go_on()
    {
        var deltas = Accumulator(maxStreams: 1);
        deltas.Add(1, 0, 1_000, new CumulativeSum(3));

        Assert.Contains("more than 1 delta series", deltas.Add(2, 0, 1_000, new CumulativeSum(1)).Problem);
        Assert.Equal(4, Total(deltas.Add(1, 1_000, 2_000, new CumulativeSum(1))));
    }

    [Fact]
    public void Histograms_with_other_bounds_restart_and_kinds_are_apart()
    {
        var deltas = Accumulator();
        deltas.Add(1, 0, 1_000, new CumulativeSum(3));
        deltas.Add(1, 0, 1_000, new ExplicitHistogramCounts([1, 2], [1, 0, 2], 3, 6, true));

        var sum = deltas.Add(1, 1_000, 2_000, new ExplicitHistogramCounts([1, 2], [0, 1, 1], 2, 4, true)).Total!;
        var other = deltas.Add(1, 2_000, 3_000, new ExplicitHistogramCounts([5], [1, 0], 1, 1, true)).Total!;

        Assert.Equal([1UL, 1, 3], sum.Counts);
        Assert.Equal((5UL, 10d), (sum.Count, sum.Sum));
        Assert.Equal([5d], other.Bounds);
        Assert.Equal(1UL, other.Count);
        Assert.Equal(4, Total(deltas.Add(1, 1_000, 2_000, new CumulativeSum(1))));
    }
}
