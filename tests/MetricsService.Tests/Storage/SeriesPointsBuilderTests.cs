using AirisEpm.MetricsService.Storage;

namespace AirisEpm.MetricsService.Tests.Storage;

public sealed class SeriesPointsBuilderTests
{
    [Fact]
    public void Groups_rows_by_series_and_sorts_only_a_series_that_came_out_of_order()
    {
        var points = new SeriesPointsBuilder();
        points.AddColumns([1, 1, 2, 1], [10, 20, 5, 15], [1, 2, 3, 4]);

        var built = points.Build().ToDictionary(p => p.SeriesId);

        Assert.Equal([10L, 15, 20], built[1].Timestamps);
        Assert.Equal([1d, 4, 2], built[1].Values);
        Assert.Equal([5L], built[2].Timestamps);
    }

    [Fact]
    public void A_tail_follows_the_rows_of_its_series()
    {
        var points = new SeriesPointsBuilder();
        points.SetTail(1, [30, 40], [3, 4]);
        points.Add(1, 20, 2);
        points.Add(1, 10, 1);
        points.SetTail(2, [7], [7]);

        var built = points.Build().ToDictionary(p => p.SeriesId);

        Assert.Equal([10L, 20, 30, 40], built[1].Timestamps);
        Assert.Equal([1d, 2, 3, 4], built[1].Values);
        Assert.Equal([7L], built[2].Timestamps);
    }

    [Fact]
    public void One_row_past_the_limit_throws()
    {
        var points = new SeriesPointsBuilder(maxSamples: 3);
        points.SetTail(1, [1, 2], [1, 2]);
        points.Add(2, 1, 1);

        var refused = Assert.Throws<SampleLimitException>(() => points.AddColumns([3], [1], [1]));

        Assert.Equal(3, refused.Limit);
    }
}
