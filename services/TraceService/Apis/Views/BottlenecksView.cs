using AirisEpm.ServiceDefaults.Text;
using AirisEpm.TraceService.Analysis.Bottlenecks;
using AirisEpm.TraceService.Storage;

namespace AirisEpm.TraceService.Apis.Views;

/// <summary>
/// Operations ranked by their share of critical-path time in the window's traces, each with its change against the previous
/// window of the same length (<see cref="BottleneckAnalyzer.Compare"/>); <see cref="Gone"/> lists the previous window's
/// operations absent now. <see cref="Window"/> and <see cref="Previous"/> say how many traces each had and how many were
/// analysed (at most <see cref="MaxTraces"/>).
/// </summary>
public sealed record BottlenecksView(
    string? Service, int MaxTraces, WindowView Window, WindowView Previous,
    IReadOnlyList<BottleneckView> Operations, IReadOnlyList<BottleneckChangeView> Gone)
{
    public static BottlenecksView Of(
        string? service, int maxTraces, int limit, WindowView window, WindowView previous, BottleneckReport now, BottleneckReport before)
    {
        var changes = BottleneckAnalyzer.Compare(before, now).ToDictionary(c => c.Key);
        var operations = now.Ranked.Take(limit).Select(b => BottleneckView.Of(b, changes[b.Key])).ToList();
        var gone = changes.Values.Where(c => c.IsGone).Take(limit).Select(BottleneckChangeView.Of).ToList();
        return new BottlenecksView(service, maxTraces, window, previous, operations, gone);
    }
}

/// <summary>A window [StartNs, EndNs): the traces it had, how many were analysed (sampled when fewer), their critical-path total.</summary>
public sealed record WindowView(
    string Start, string End, long StartNs, long EndNs, int TracesInWindow, int TracesAnalysed, bool Sampled, long TotalCriticalNs)
{
    public static WindowView Of(long startNs, long endNs, WindowSample sample, BottleneckReport report) => new(
        UnixTime.FormatRfc3339(startNs), UnixTime.FormatRfc3339(endNs), startNs, endNs, sample.TracesInWindow, sample.Traces.Count,
        sample.Sampled, report.TotalCriticalNs);
}

/// <summary>An operation's rank, critical-path share (0..1), critical and self time, and its change since the previous window.</summary>
public sealed record BottleneckView(
    string Service, string Operation, int Rank, double Share, long CriticalNs, long SelfNs, long Spans, long Traces,
    double MeanCriticalNsPerTrace, BottleneckChangeView Change)
{
    public static BottleneckView Of(Bottleneck b, BottleneckChange change) => new(
        b.Key.Service, b.Key.Operation, b.Rank, b.Share, b.CriticalNs, b.SelfNs, b.Spans, b.Traces, b.MeanCriticalNsPerTrace,
        BottleneckChangeView.Of(change));
}

/// <summary>Ranks and share in the previous window and now (null where absent), the share change and the per-trace critical time change.</summary>
public sealed record BottleneckChangeView(
    string Service, string Operation, int? RankBefore, int? RankAfter, double? ShareBefore, double? ShareAfter,
    double ShareChange, double MeanCriticalChangeNs, bool IsNew, bool IsGone)
{
    public static BottleneckChangeView Of(BottleneckChange c) => new(
        c.Key.Service, c.Key.Operation, c.RankBefore, c.RankAfter, c.Before?.Share, c.After?.Share,
        c.ShareChange, c.MeanCriticalChangeNs, c.IsNew, c.IsGone);
}
