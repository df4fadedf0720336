using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.DuckDb;
using CsCheck;

namespace AirisEpm.MetricsService.Tests.Storage;

/// <summary>
/// The columnar batch against the plain definition: de-duplicated samples (the later of equal series and time wins),
/// and partials per series and bucket, the hour tier merged from minutes and per-name partials merged from series,
/// all equal to <see cref="RollupPartial.Of"/> over the de-duplicated samples.
/// </summary>
public sealed class PreparedBatchTests
{
    private static readonly LabelSet[] Sets = [LabelSet.From([new Label("i", "a")]), LabelSet.From([new Label("i", "b")]), LabelSet.From([new Label("i", "c")])];
    private static readonly string[] MetricNames = ["up", "cpu"];

    /// <summary>Samples over few series, names and times, so duplicates, disorder and shared buckets are common.</summary>
    private static readonly Gen<List<MetricSample>> Samples =
        Gen.Select(Gen.Int[0, 1], Gen.Int[0, 2], Gen.Long[-200_000, 7_300_000], Gen.Int[-50, 50])
            .Select((n, l, ts, v) => new MetricSample(MetricNames[n], Sets[l], ts, v))
            .List[1, 60];

    [Fact]
    public void Matches_the_plain_definition_on_random_batches()
    {
        Samples.Sample(samples =>
        {
            var batch = PreparedBatch.From(samples, new SeriesCatalog());
            var latest = new Dictionary<(long Series, long Ts), double>();
            foreach (var s in samples)
            {
                latest[(s.SeriesId, s.TimestampMs)] = s.Value;
            }

            Assert.Equal(latest.OrderBy(p => p.Key), Flatten(batch).OrderBy(p => p.Key));
            const long Oldest = 0;
            var minute = batch.SeriesPartials(60_000, Oldest);
            Assert.Equal(Sorted(RollupPartial.Of(latest, 60_000, Oldest)), Sorted(minute));
            Assert.Equal(Sorted(RollupPartial.Of(latest, 3_600_000, Oldest)), Sorted(PreparedBatch.Coarsen(minute, 3_600_000)));

            var nameOf = samples.GroupBy(s => s.SeriesId).ToDictionary(g => g.Key, g => g.First().Name);
            var byName = latest.Select(p => KeyValuePair.Create(((long)batch.Names.ToList().IndexOf(nameOf[p.Key.Series]), p.Key.Ts), p.Value)).ToList();
            var expected = Sorted(RollupPartial.Of(byName, 60_000, Oldest));
            var actual = Sorted(batch.NamePartials(minute));
            Assert.Equal(expected.Select(p => p with { Last = 0 }), actual.Select(p => p with { Last = 0 }));
            foreach (var p in actual)
            {
                // Of samples of different series at the same latest time, which one is last is unspecified (the store's rule).
                Assert.Contains(p.Last, byName.Where(s => s.Key.Item1 == p.SeriesId && s.Key.Ts == p.LastTs).Select(s => s.Value));
            }

            Assert.Equal(samples.Min(s => s.TimestampMs), batch.MinTs);
            Assert.Equal(samples.Max(s => s.TimestampMs), batch.MaxTs);
        }, iter: 2000);
    }

    [Fact]
    public void Series_the_catalog_holds_are_not_new_and_spans_give_each_series_oldest_and_newest()
    {
        var catalog = new SeriesCatalog();
        var known = new MetricSample("up", Sets[0], 10, 1);
        catalog.Add([new StoredSeries(known.SeriesId, "up", Sets[0])]);
        var fresh = new MetricSample("up", Sets[1], 30, 2);

        var batch = PreparedBatch.From([known, fresh, known with { TimestampMs = 5 }, known with { TimestampMs = 20 }], catalog);

        Assert.Equal([fresh], batch.NewSeries);
        Assert.False(batch.IsNewSeries(known.SeriesId));
        Assert.Equal([(known.SeriesId, 5L, 20L), (fresh.SeriesId, 30L, 30L)], batch.Spans());
    }

    private static IEnumerable<KeyValuePair<(long, long), double>> Flatten(PreparedBatch batch)
    {
        for (var s = 0; s < batch.SeriesIds.Length; s++)
        {
            for (var i = batch.Offsets[s]; i < batch.Offsets[s + 1]; i++)
            {
                Assert.True(i == batch.Offsets[s] || batch.Timestamps[i] > batch.Timestamps[i - 1], "a series' samples are in strict time order");
                yield return KeyValuePair.Create((batch.SeriesIds[s], batch.Timestamps[i]), batch.Values[i]);
            }
        }
    }

    private static List<RollupPartial> Sorted(IEnumerable<RollupPartial> partials) => [.. partials.OrderBy(p => p.SeriesId).ThenBy(p => p.Bucket)];
}
