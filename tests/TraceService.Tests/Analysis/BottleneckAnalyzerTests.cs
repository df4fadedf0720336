using AirisEpm.TraceService.Analysis.Bottlenecks;
using AirisEpm.TraceService.Analysis.CriticalPaths;
using AirisEpm.TraceService.Analysis.Trees;
using AirisEpm.TraceService.Domain;
using static AirisEpm.TraceService.Tests.Analysis.TestSpans;

namespace AirisEpm.TraceService.Tests.Analysis;

public sealed class BottleneckAnalyzerTests
{
    private static CriticalPathResult Trace(params Span[] spans) => CriticalPath.Compute(TraceTree.Build(spans));

    // trace 1 (1 column = 5 ns):
    // web GET /     |===================|        0..100
    // api query       |===============|          10..90
    // db SELECT         |===========|            20..80
    // cache GET        |=|                       15..25, ends after db started: off the path
    private static CriticalPathResult First(long dbEnd = 80) => Trace(
        Make("w", null, 0, 100, service: "web", name: "GET /"),
        Make("a", "w", 10, 90, service: "api", name: "query"),
        Make("d", "a", 20, dbEnd, service: "db", name: "SELECT"),
        Make("c", "a", 15, 25, service: "cache", name: "GET"));

    // trace 2:
    // web GET /     |=========|                  0..50
    // api query      |=======|                   5..45
    // db SELECT       |=|                        10..20
    private static CriticalPathResult Second() => Trace(
        Make("w", null, 0, 50, service: "web", name: "GET /"),
        Make("a", "w", 5, 45, service: "api", name: "query"),
        Make("d", "a", 10, 20, service: "db", name: "SELECT"));

    [Fact]
    public void Operations_are_ranked_by_their_share_of_critical_path_time_with_self_time_and_counts()
    {
        var report = BottleneckAnalyzer.Analyze([First(), Second()]);

        Assert.Equal(150, report.TotalCriticalNs);
        Assert.Equal(
            [("db", 1, 70L, 70L), ("api", 2, 50L, 15L + 30L), ("web", 3, 30L, 30L), ("cache", 4, 0L, 10L)],
            report.Ranked.Select(b => (b.Key.Service, b.Rank, b.CriticalNs, b.SelfNs)));
        var db = report.For(new OperationKey("db", "SELECT"))!;
        Assert.Equal(70 / 150.0, db.Share, 9);
        Assert.Equal((2L, 2L, 35.0), (db.Spans, db.Traces, db.MeanCriticalNsPerTrace));
        Assert.Equal(1, report.Ranked.Sum(b => b.Share), 9);
    }

    [Fact]
    public void Two_windows_compare_by_share_largest_change_first()
    {
        var before = BottleneckAnalyzer.Analyze([First(), Second()]);
        var after = BottleneckAnalyzer.Analyze([First(dbEnd: 85), First(dbEnd: 85), Trace(Make("x", null, 0, 10, service: "batch", name: "run"))]);

        var changes = BottleneckAnalyzer.Compare(before, after);

        // after: db 65 + 65, api 15 + 15, web 20 + 20, batch 10 → total 210
        var db = changes.Single(c => c.Key.Service == "db");
        Assert.Equal(130 / 210.0 - 70 / 150.0, db.ShareChange, 9);
        Assert.Equal(65 - 35, db.MeanCriticalChangeNs, 9);
        Assert.Equal((1, 1), (db.RankBefore, db.RankAfter));
        Assert.True(changes.Single(c => c.Key.Service == "batch").IsNew);
        Assert.Equal(changes.Select(c => Math.Abs(c.ShareChange)).OrderDescending(), changes.Select(c => Math.Abs(c.ShareChange)));
        Assert.Equal(5, changes.Count);
    }
}
