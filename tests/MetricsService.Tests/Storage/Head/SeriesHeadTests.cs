using AirisEpm.MetricsService.Storage.Head;
using CsCheck;

namespace AirisEpm.MetricsService.Tests.Storage.Head;

public sealed class SeriesHeadTests
{
    private const long Hour = 3_600_000;

    [Fact]
    public void Keeps_samples_in_time_order_whatever_order_they_come_in()
    {
        var head = new SeriesHead(long.MinValue);
        foreach (var ts in new long[] { 10, 30, 20, 40, 5 })
        {
            head.Append(ts, ts / 10.0, maxSamples: 16, Hour);
        }

        var (times, values) = head.Copy(long.MinValue, long.MaxValue);
        Assert.Equal([5L, 10, 20, 30, 40], times);
        Assert.Equal([0.5, 1, 2, 3, 4], values);
    }

    [Fact]
    public void A_sample_at_a_time_already_held_replaces_it_and_one_before_the_floor_is_ignored()
    {
        var head = new SeriesHead(floorMs: 100);
        head.Append(100, 1, 16, Hour);
        head.Append(100, 2, 16, Hour);
        head.Append(99, 3, 16, Hour);

        var (times, values) = head.Copy(0, 1000);
        Assert.Equal([100L], times);
        Assert.Equal([2d], values);
    }

    [Fact]
    public void A_full_head_lets_go_of_its_oldest_quarter_and_raises_its_floor_past_them()
    {
        var head = new SeriesHead(long.MinValue);
        for (var ts = 1; ts <= 9; ts++)
        {
            head.Append(ts, ts, maxSamples: 8, Hour);
        }

        Assert.Equal(3, head.FloorMs);
        Assert.Equal([3L, 4, 5, 6, 7, 8, 9], head.Copy(long.MinValue, long.MaxValue).Ts);
    }

    [Fact]
    public void Samples_older_than_the_window_before_the_newest_go_before_the_head_grows()
    {
        var head = new SeriesHead(long.MinValue);
        head.Append(0, 0, maxSamples: 64, windowMs: 100);
        head.Append(50, 0, 64, 100);
        head.Append(90, 0, 64, 100);
        head.Append(95, 0, 64, 100);
        head.Append(200, 0, 64, 100);

        Assert.Equal(96, head.FloorMs);
        Assert.Equal([200L], head.Copy(long.MinValue, long.MaxValue).Ts);
    }

    [Fact]
    public void Copy_takes_the_closed_window_and_retention_drops_without_moving_the_floor()
    {
        var head = new SeriesHead(floorMs: 0);
        foreach (var ts in new long[] { 10, 20, 30, 40 })
        {
            head.Append(ts, 1, 16, Hour);
        }

        Assert.Equal([20L, 30], head.Copy(20, 30).Ts);
        Assert.Empty(head.Copy(41, 50).Ts);
        head.DropBefore(25);
        Assert.Equal([30L, 40], head.Copy(long.MinValue, long.MaxValue).Ts);
        Assert.Equal(0, head.FloorMs);
    }

    /// <summary>
    /// Against a model of what the store holds (every sample, the later value of equal times): the head holds exactly
    /// the model's samples at or after its floor, never more than its cap, whatever the order and repeats.
    /// </summary>
    [Fact]
    public void Holds_exactly_the_stored_samples_at_or_after_its_floor()
    {
        var appends = Gen.Select(Gen.Long[0, 400], Gen.Double[-10, 10]).Array[0, 300];
        Gen.Select(appends, Gen.Int[1, 40], Gen.Long[1, 500]).Sample((samples, cap, window) =>
        {
            var head = new SeriesHead(long.MinValue);
            var stored = new SortedDictionary<long, double>();
            foreach (var (ts, value) in samples)
            {
                head.Append(ts, value, cap, window);
                stored[ts] = value;
            }

            var (times, values) = head.Copy(long.MinValue, long.MaxValue);
            var expected = stored.Where(s => s.Key >= head.FloorMs).ToList();
            Assert.Equal(expected.Select(s => s.Key), times);
            Assert.Equal(expected.Select(s => s.Value), values);
            Assert.True(times.Length <= cap);
        });
    }
}
