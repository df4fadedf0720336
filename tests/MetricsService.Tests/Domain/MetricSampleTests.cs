using AirisEpm.MetricsService.Domain;

namespace AirisEpm.MetricsService.Tests.Domain;

public sealed class MetricSampleTests
{
    private static readonly LabelSet Api = LabelSet.From([new Label("job", "api")]);
    private static readonly LabelSet Web = LabelSet.From([new Label("job", "web")]);

    [Fact]
    public void The_series_id_is_the_hash_of_name_and_labels()
    {
        var sample = new MetricSample("up", Api, 1, 1);

        Assert.Equal(Api.SeriesId("up"), sample.SeriesId);
        Assert.NotEqual(Web.SeriesId("up"), sample.SeriesId);
    }

    [Fact]
    public void A_with_expression_that_changes_name_or_labels_changes_the_id_and_one_that_does_not_keeps_it()
    {
        var sample = new MetricSample("up", Api, 1, 1);

        Assert.Equal(Api.SeriesId("down"), (sample with { Name = "down" }).SeriesId);
        Assert.Equal(Web.SeriesId("up"), (sample with { Labels = Web }).SeriesId);
        Assert.Equal(Web.SeriesId("down"), (sample with { Labels = Web, Name = "down" }).SeriesId);
        Assert.Equal(sample.SeriesId, (sample with { Type = MetricType.Counter, Value = 5 }).SeriesId);
    }
}
