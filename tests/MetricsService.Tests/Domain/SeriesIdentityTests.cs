using AirisEpm.MetricsService.Domain;

namespace AirisEpm.MetricsService.Tests.Domain;

/// <summary>
/// Series ids are stored (DuckDB, ClickHouse, the write-ahead log) and derived alike on every replica: the id of a label
/// set must never change. The golden values were computed by the service's own label set before it became PromQl's (commit 5dd38d9),
/// whose hash is the same XxHash64 of the sorted pairs.
/// </summary>
public sealed class SeriesIdentityTests
{
    [Fact]
    public void A_series_id_is_the_golden_value_whatever_order_the_labels_came_in()
    {
        var labels = LabelSet.From([new Label("job", "api"), new("instance", "host-1:9100")]);
        var reordered = LabelSet.FromUnsorted([new Label("instance", "host-1:9100"), new Label("job", "api")]);

        Assert.Equal(GoldenApiId, labels.SeriesId("http_requests_total"));
        Assert.Equal(GoldenApiId, reordered.SeriesId("http_requests_total"));
        Assert.Equal(GoldenEmptyId, LabelSet.Empty.SeriesId("up"));
    }

    [Fact]
    public void The_name_and_every_label_value_take_part_in_the_id()
    {
        var labels = LabelSet.From([new Label("job", "api")]);

        Assert.NotEqual(labels.SeriesId("a"), labels.SeriesId("b"));
        Assert.NotEqual(labels.SeriesId("a"), LabelSet.From([new Label("job", "web")]).SeriesId("a"));
    }

    private const long GoldenApiId = -813_725_913_582_289_872;
    private const long GoldenEmptyId = 2_333_001_706_145_901_812;
}
