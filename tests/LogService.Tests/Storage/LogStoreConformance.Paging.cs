using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage;

namespace AirisEpm.LogService.Tests.Storage;

public abstract partial class LogStoreConformance
{
    [Fact]
    public async Task Cursor_pages_cover_every_match_once_in_order_across_partitions_and_equal_timestamps()
    {
        // 300 records over three days, ten per timestamp, appended out of order in several batches.
        var records = Enumerable.Range(0, 300)
            .Select(i => Record($"p{i:D3}", Base + ((i / 10) * (Day / 12)), $"paged line {i}", i % 3 == 0 ? Severity.Error : Severity.Info))
            .ToArray();
        new Random(42).Shuffle(records);
        foreach (var batch in records.Chunk(70))
        {
            await AppendBatchAsync(batch);
        }

        var seen = new List<LogRecord>();
        var query = All("paged", 17);
        for (var page = 0; page < 100; page++)
        {
            var result = await Store.SearchAsync(query, Ct);
            Assert.Equal(300, result.Total);
            seen.AddRange(result.Hits.Select(h => h.Record));
            if (result.Next is null)
            {
                break;
            }

            Assert.Equal(17, result.Hits.Count);
            query = query with { After = result.Next };
        }

        var expected = records.OrderByDescending(r => r.TimestampNs).ThenByDescending(r => r.Id, StringComparer.Ordinal).Select(r => r.Id).ToList();
        Assert.Equal(expected, seen.Select(r => r.Id).ToList());
    }

    [Fact]
    public async Task Filtered_pages_skip_to_the_cursor_and_end_without_a_cursor()
    {
        await AppendCorpusAsync();

        var first = await Store.SearchAsync(All("service:api", 3), Ct);
        Assert.Equal(["r06", "r05", "r02"], first.Hits.Select(h => h.Record.Id));
        Assert.Equal(new LogCursor(Base + (2 * Second), "r02"), first.Next);

        var last = await Store.SearchAsync(All("service:api", 3) with { After = first.Next }, Ct);
        Assert.Equal(["r01"], last.Hits.Select(h => h.Record.Id));
        Assert.Null(last.Next);
        Assert.Equal((4L, false), (last.Total, last.TotalIsLowerBound));

        var exact = await Store.SearchAsync(All("service:api", 4), Ct);
        Assert.Null(exact.Next);
    }

    [Fact]
    public async Task Totals_are_exact_to_ten_thousand_then_a_lower_bound()
    {
        var records = Enumerable.Range(0, 10_500)
            .Select(i => Record($"t{i:D5}", Base + (i * (2 * Day / 10_500)), i % 5 == 0 ? "bulk special" : "bulk line", i % 5 == 0 ? Severity.Error : Severity.Info))
            .ToList();
        foreach (var batch in records.Chunk(2_000))
        {
            await AppendBatchAsync(batch);
        }

        var all = await Store.SearchAsync(All("bulk", 10), Ct);
        Assert.Equal((10_000L, true), (all.Total, all.TotalIsLowerBound));
        Assert.Equal("t10499", all.Hits[0].Record.Id);

        var some = await Store.SearchAsync(All("special", 10), Ct);
        Assert.Equal((2_100L, false), (some.Total, some.TotalIsLowerBound));

        var countOnly = await Store.SearchAsync(All("bulk", 0), Ct);
        Assert.Equal((10_000L, true, 0), (countOnly.Total, countOnly.TotalIsLowerBound, countOnly.Hits.Count));
    }

    [Fact]
    public async Task Histogram_counts_matches_per_equal_bucket_by_level()
    {
        await AppendCorpusAsync();

        var result = await Store.SearchAsync(new LogQuery(null, Base, Base + (2 * Day), Limit: 1, HistogramBuckets: 4), Ct);

        Assert.Equal([Base, Base + (Day / 2), Base + Day, Base + (3 * Day / 2)], result.Histogram.Select(b => b.StartNs));
        Assert.Equal(new Dictionary<Severity, long> { [Severity.Error] = 1, [Severity.Info] = 2, [Severity.Warn] = 1 }, result.Histogram[0].CountsByLevel);
        Assert.Empty(result.Histogram[1].CountsByLevel);
        Assert.Equal(new Dictionary<Severity, long> { [Severity.Fatal] = 1, [Severity.Debug] = 1 }, result.Histogram[2].CountsByLevel);
        Assert.Empty(result.Histogram[3].CountsByLevel);

        var filtered = await Store.SearchAsync(new LogQuery("connection", Base, Base + (2 * Day), HistogramBuckets: 2), Ct);
        Assert.Equal(new Dictionary<Severity, long> { [Severity.Error] = 1, [Severity.Warn] = 1 }, filtered.Histogram[0].CountsByLevel);
        Assert.Empty(filtered.Histogram[1].CountsByLevel);
        Assert.Empty((await Store.SearchAsync(All("connection"), Ct)).Histogram);
    }
}
