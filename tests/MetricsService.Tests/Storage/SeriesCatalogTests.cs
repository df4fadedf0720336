using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage;
using CsCheck;
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

    /// <summary>
    /// Past the postings threshold, equality matchers narrow through the label's postings (built on first ask, then kept
    /// up to date by later adds): whatever the series and selectors, the answer is the plain filter over every series.
    /// </summary>
    [Fact]
    public void Postings_answer_what_filtering_every_series_answers()
    {
        var labelSets = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 40], Gen.Int[0, 2]).Array[1, 400];
        var selectors = Gen.Select(Gen.Int[0, 4], Gen.Int[0, 45], Gen.Int[0, 3]).Array[1, 3];
        Gen.Select(labelSets, labelSets, selectors).Sample((first, second, asked) =>
        {
            var catalog = new SeriesCatalog();
            var all = new List<StoredSeries>();
            void Add(IEnumerable<(int Name, int Id, int Zone)> batch)
            {
                var series = batch.Select(b => Series("m" + b.Name, ("id", b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("zone", "z" + b.Zone)))
                    .Concat(Enumerable.Range(0, SeriesCatalog.PostingsThreshold).Select(i => Series("m0", ("pad", i.ToString(System.Globalization.CultureInfo.InvariantCulture))))).ToList();
                catalog.Add(series);
                all.AddRange(series.Where(s => all.All(a => a.Id != s.Id)).DistinctBy(s => s.Id));
            }

            Add(first);
            foreach (var round in new[] { 0, 1 })
            {
                foreach (var (name, id, zone) in asked)
                {
                    var selector = new SeriesSelector(name == 4 ? null : "m" + name,
                        [Matcher.Create("id", MatchOp.Equal, id.ToString(System.Globalization.CultureInfo.InvariantCulture)), Matcher.Create("zone", zone == 3 ? MatchOp.NotEqual : MatchOp.Equal, "z" + zone)]);
                    Assert.Equal(all.Where(s => selector.Matches(s.Name, s.Labels)), catalog.Find(selector));
                }

                if (round == 0)
                {
                    Add(second);
                }
            }
        }, iter: 40);
    }
}
