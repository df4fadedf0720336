using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.Head;

namespace AirisEpm.MetricsService.Tests.Storage.Head;

public sealed class HeadBlockTests
{
    private const long Hour = 3_600_000;

    [Fact]
    public void A_window_the_head_covers_needs_no_file_read()
    {
        var head = new HeadBlock(64, Hour);
        head.Load(floorMs: 1_000, []);
        head.Append([7], [0, 3], [1_000, 2_000, 3_000], [1, 2, 3], _ => false);
        var points = new SeriesPointsBuilder();

        var fromFile = head.Read([7], 1_500, 3_000, points, out _);

        Assert.Empty(fromFile);
        var series = Assert.Single(points.Build());
        Assert.Equal([2_000L, 3_000], series.Timestamps);
    }

    [Fact]
    public void A_window_that_starts_before_the_floor_asks_the_file_for_what_is_below_it()
    {
        var head = new HeadBlock(64, Hour);
        head.Load(floorMs: 1_000, [new SeriesPoints(7, [1_000, 2_000], [1, 2])]);
        var points = new SeriesPointsBuilder();

        var fromFile = head.Read([7, 8], 0, 5_000, points, out var fileEndMs);

        Assert.Equal(new Dictionary<long, long> { [7] = 1_000, [8] = 1_000 }, fromFile);
        Assert.Equal(999, fileEndMs);
        points.Add(7, 500, 0.5);
        Assert.Equal([500L, 1_000, 2_000], Assert.Single(points.Build()).Timestamps);
    }

    [Fact]
    public void A_new_series_is_covered_from_its_first_sample_and_an_old_one_from_the_load_floor()
    {
        var head = new HeadBlock(64, Hour);
        head.Load(floorMs: 1_000, []);
        head.Append([1, 2], [0, 1, 2], [10, 10], [1, 1], id => id == 1);

        var fromFile = head.Read([1, 2], 0, 100, new SeriesPointsBuilder(), out _);

        Assert.Equal([2L], fromFile.Keys);
    }

    [Fact]
    public void Retention_drops_what_the_store_deleted()
    {
        var head = new HeadBlock(64, Hour);
        head.Append([1], [0, 2], [10, 20], [1, 2], _ => true);
        head.DeleteBefore(15);
        var points = new SeriesPointsBuilder();

        Assert.Empty(head.Read([1], 0, 100, points, out _));
        Assert.Equal([20L], Assert.Single(points.Build()).Timestamps);
    }

    [Fact]
    public void Turned_off_it_holds_nothing_and_sends_every_read_to_the_file()
    {
        var head = new HeadBlock(0, Hour);
        head.Load(long.MaxValue, []);
        head.Append([1], [0, 1], [10], [1], _ => true);

        Assert.Equal([1L], head.Read([1], 0, 100, new SeriesPointsBuilder(), out _).Keys);
        Assert.Equal(0, head.SeriesCount);
    }
}
