using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage.ClickHouse;

namespace AirisEpm.MetricsService.Tests.Storage.ClickHouse;

public sealed class ClickHouseBatchTests
{
    private static MetricSample Sample(string name, long ts, double value, string job) =>
        new(name, LabelSet.From([KeyValuePair.Create("job", job)]), ts, value);

    [Fact]
    public void The_later_sample_of_a_series_and_timestamp_wins_and_new_series_are_listed_once()
    {
        var known = Sample("up", 0, 0, "known").SeriesId;
        var batch = ClickHouseBatch.From(
            [Sample("up", 1, 1, "api"), Sample("up", 1, 2, "api"), Sample("up", 2, 3, "api"), Sample("up", 1, 4, "known")],
            id => id == known);

        Assert.Equal(3, batch.Latest.Count);
        Assert.Equal(2, batch.Latest[(Sample("up", 0, 0, "api").SeriesId, 1)]);
        var series = Assert.Single(batch.NewSeries);
        Assert.Equal("api", series.Labels["job"]);
        Assert.Equal([series.SeriesId, "up", new Dictionary<string, string> { ["job"] = "api" }, "gauge"], Assert.Single(batch.SeriesRows()));
        Assert.Equal(3, batch.SampleRows().Count());
    }

    [Fact]
    public void Sample_rows_keep_the_bits_of_every_nan()
    {
        var stale = BitConverter.UInt64BitsToDouble(AirisEpm.PromQl.Model.StaleMarker.Bits);
        var row = Assert.Single(ClickHouseBatch.From([Sample("up", 1, stale, "api")], _ => true).SampleRows());

        Assert.Equal(AirisEpm.PromQl.Model.StaleMarker.Bits, BitConverter.DoubleToUInt64Bits((double)row[2]));
        Assert.Equal(typeof(long), row[1].GetType());
    }
}
