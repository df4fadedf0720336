using AirisEpm.MetricsService.Storage.DuckDb;

namespace AirisEpm.MetricsService.Tests.Storage;

public sealed class SeriesWatermarksTests
{
    private static bool Known(long _) => false;

    [Fact]
    public void Samples_newer_than_their_series_watermark_are_new()
    {
        var watermarks = new SeriesWatermarks(floorMs: 100);
        watermarks.Advance(1, 500);
        watermarks.Advance(1, 400);

        Assert.True(watermarks.AllNew([(1, 501)], Known));
        Assert.False(watermarks.AllNew([(1, 501), (1, 500)], Known));
        Assert.False(watermarks.AllNew([(1, 450)], Known));
    }

    [Fact]
    public void Series_without_a_watermark_are_bounded_by_the_floor_unless_brand_new()
    {
        var watermarks = new SeriesWatermarks(floorMs: 100);

        Assert.True(watermarks.AllNew([(7, 101)], Known));
        Assert.False(watermarks.AllNew([(7, 100)], Known));
        Assert.True(watermarks.AllNew([(7, 5)], id => id == 7));
    }

    [Fact]
    public void A_watermark_below_the_floor_does_not_lower_the_bound()
    {
        var watermarks = new SeriesWatermarks(floorMs: 100);
        watermarks.Advance(1, 50);

        Assert.False(watermarks.AllNew([(1, 60)], Known));
        Assert.True(watermarks.AllNew([(1, 101)], Known));
    }
}
