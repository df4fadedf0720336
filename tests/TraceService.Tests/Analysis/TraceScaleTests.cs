using System.Diagnostics;
using AirisEpm.TraceService.Analysis.ClockSkew;
using AirisEpm.TraceService.Analysis.CriticalPaths;
using AirisEpm.TraceService.Analysis.Trees;
using AirisEpm.TraceService.Apis.Views;
using AirisEpm.TraceService.Domain;
using static AirisEpm.TraceService.Tests.Analysis.TestSpans;

namespace AirisEpm.TraceService.Tests.Analysis;

/// <summary>
/// The console opens a 10,000-span trace within a second, critical path included, so the tree, the analysis and their
/// views must stay near linear (the bounds are loose for a shared machine, where these took 0.2 and 0.65 s; a
/// quadratic step takes many seconds): a batch import of 99 files of 100 sequential rows puts ~20,000 segments on the path.
/// </summary>
public sealed class TraceScaleTests
{
    /// <summary>What Minimal APIs write answers with.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Fact]
    public void A_10000_span_trace_view_is_built_and_written_as_json_within_two_seconds()
    {
        var spans = BatchImport();
        var clock = Stopwatch.StartNew();
        var view = TraceView.Of(TraceId, ClockSkewAdjuster.Adjust(TraceTree.Build(spans)));
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(view, Web);
        clock.Stop();

        Assert.Equal(10_000, view.Spans.Count);
        Assert.Equal(10_000, view.Tree.Children.Count);
        TestContext.Current.TestOutputHelper?.WriteLine($"TraceView of 10,000 spans: {json.Length} bytes of JSON in {clock.ElapsedMilliseconds} ms");
        Assert.True(clock.ElapsedMilliseconds < 2_000, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void A_10000_span_trace_gets_its_critical_path_and_view_within_two_seconds()
    {
        var spans = BatchImport();
        Assert.Equal(10_000, spans.Count);
        var clock = Stopwatch.StartNew();
        var adjusted = ClockSkewAdjuster.Adjust(TraceTree.Build(spans));
        var path = CriticalPath.Compute(adjusted.Tree);
        var view = CriticalPathView.Of(TraceId, adjusted, path);
        clock.Stop();

        Assert.Equal(900_000_000, view.TotalNs);
        Assert.Equal(10_000, view.Spans.Count);
        Assert.True(view.Segments.Count > 19_000, $"{view.Segments.Count} segments");
        Assert.Equal(1.0, view.Spans.Sum(s => s.CriticalShare), 6);
        TestContext.Current.TestOutputHelper?.WriteLine($"critical path of 10,000 spans and its view: {view.Segments.Count} segments in {clock.ElapsedMilliseconds} ms");
        // Summing the segments once per span, as TotalNs once did, took seconds here (19 s through the console under load).
        Assert.True(clock.ElapsedMilliseconds < 2_000, $"took {clock.ElapsedMilliseconds} ms");
    }

    /// <summary>One root, 99 files under it, and sequential rows under the files up to 10,000 spans.</summary>
    private static List<Span> BatchImport()
    {
        var spans = new List<Span> { Make("root", null, 0, 900_000_000, service: "batch-importer") };
        for (var file = 0; file < 99; file++)
        {
            var fileStart = 1_000_000 + (file * 9_000_000L);
            spans.Add(Make($"f{file}", "root", fileStart, fileStart + 8_900_000, service: "batch-importer"));
            for (var row = 0; row < 101 - (file == 0 ? 1 : 0) && spans.Count < 10_000; row++)
            {
                var rowStart = fileStart + 50_000 + (row * 88_000L);
                spans.Add(Make($"f{file}r{row}", $"f{file}", rowStart, rowStart + 80_000, service: "warehouse-db", kind: SpanKind.Client));
            }
        }

        return spans;
    }
}
