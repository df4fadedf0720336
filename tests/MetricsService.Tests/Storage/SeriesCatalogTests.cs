using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage;
using Matcher = AirisEpm.PromQl.Model.Matcher;
using MatchOp = AirisEpm.PromQl.Model.MatchOp;

namespace AirisEpm.MetricsService.Tests.Storage;

public sealed class SeriesCatalogTests
{
    private static StoredSeries Series(string name, params (string Name, string Value)[] labels)
    {
        var set = LabelSet.From(labels.Select(l => new KeyValuePair<string, string>(l.Name, l.Value)));
        return new StoredSeries(set.SeriesId(name), name, set);
    }

    [Fact]
    public void Finds_by_name_and_matchers_in_the_order_added()
    {
        var catalog = new SeriesCatalog();
        var a = Series("up", ("job", "api"), ("i", "1"));
        var b = Series("up", ("job", "web"), ("i", "2"));
        var c = Series("down", ("job", "api"));
        catalog.Add([a, b]);
        catalog.Add([c]);

        Assert.Equal([a, b], catalog.Find(SeriesSelector.ForName("up")));
        Assert.Equal([b], catalog.Find(new SeriesSelector("up", [Matcher.Create("job", MatchOp.Equal, "web")])));
        Assert.Equal([a, c], catalog.Find(new SeriesSelector(null, [Matcher.Create("job", MatchOp.Equal, "api")])));
        Assert.Equal([a, b, c], catalog.Find(new SeriesSelector(null, [])));
        Assert.Empty(catalog.Find(SeriesSelector.ForName("missing")));
    }

    [Fact]
    public void Adding_a_known_series_again_changes_nothing()
    {
        var catalog = new SeriesCatalog();
        var a = Series("up", ("job", "api"));
        catalog.Add([a]);
        catalog.Add([a, Series("up", ("job", "api"))]);

        Assert.Equal(1, catalog.Count);
        Assert.True(catalog.Contains(a.Id));
        Assert.Single(catalog.Find(SeriesSelector.ForName("up")));
    }

    [Fact]
    public void A_snapshot_taken_before_an_add_is_not_changed_by_it()
    {
        var catalog = new SeriesCatalog();
        catalog.Add([Series("up", ("i", "1"))]);
        var before = catalog.Find(SeriesSelector.ForName("up"));

        catalog.Add([Series("up", ("i", "2"))]);

        Assert.Single(before);
        Assert.Equal(2, catalog.Find(SeriesSelector.ForName("up")).Count);
    }

    [Fact]
    public void Names_label_names_and_values_are_sorted_and_follow_every_add()
    {
        var catalog = new SeriesCatalog();
        catalog.Add([Series("up", ("job", "web"), ("i", "2")), Series("down", ("job", "api"))]);

        Assert.Equal(["down", "up"], catalog.Names());
        Assert.Equal(["i", "job"], catalog.LabelNames());
        Assert.Equal(["api", "web"], catalog.LabelValues("job"));
        Assert.Empty(catalog.LabelValues("missing"));

        catalog.Add([Series("cpu", ("job", "db"), ("zone", "a"))]);

        Assert.Equal(["cpu", "down", "up"], catalog.Names());
        Assert.Equal(["i", "job", "zone"], catalog.LabelNames());
        Assert.Equal(["api", "db", "web"], catalog.LabelValues("job"));
        Assert.Equal(["a"], catalog.LabelValues("zone"));
    }
}
