using AirisEpm.LogService.Domain;
using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// Answers a log query: the newest (backward) or oldest (forward) <c>limit</c> lines of the range that
/// pass the selector and pipeline, grouped into streams by their final labels. The selector and the texts
/// its filters require narrow what the store returns (<see cref="StoreQueryTranslator"/>); everything else
/// runs here on each record, in scan order, stopping at the limit.
/// </summary>
public sealed class LogQueryEvaluator(EvaluationContext context)
{
    /// <summary>What one line that passed the pipeline gives: its record, its labels after the pipeline, and the line as the pipeline left it.</summary>
    public delegate void Visit(LogRecord record, LineLabels labels, string line);

    public async Task<IReadOnlyList<LogStream>> EvaluateAsync(LogSelectorExpr expr, long startNs, long endNs, int limit, bool backward)
    {
        var streams = new Dictionary<LabelSet, List<LogEntry>>();
        await VisitAsync(expr, startNs, endNs, limit, backward, (record, labels, line) =>
        {
            var key = labels.ToLabelSet();
            if (!streams.TryGetValue(key, out var list)) streams[key] = list = [];
            list.Add(new LogEntry(record.TimestampNs, line));
        });
        return streams.OrderBy(s => s.Key, LabelOrder.Instance).Select(s => new LogStream(s.Key, s.Value)).ToList();
    }

    /// <summary>
    /// Calls <paramref name="visit"/> for each of the first <paramref name="limit"/> lines that pass, in scan order.
    /// <paramref name="readAll"/> says the caller reads every match (counts over all of them), so a range holding more
    /// matches than the budget is refused before reading, as for a metric query.
    /// </summary>
    public async Task VisitAsync(LogSelectorExpr expr, long startNs, long endNs, int limit, bool backward, Visit visit, bool readAll = false)
    {
        ArgumentNullException.ThrowIfNull(expr);
        ArgumentNullException.ThrowIfNull(visit);
        var ct = context.CancellationToken;
        var filter = await context.Translator.TranslateAsync(expr.Matchers, expr.Stages, startNs, endNs, ct);
        var pipeline = new LogPipeline(expr.Stages);
        var entries = 0;
        var firstPage = Math.Min(RecordScanner.WindowRecords, Math.Max(limit * 2, 100));
        await foreach (var record in context.Scanner.ScanAsync(filter.Text, startNs, endNs, backward, readAll, firstPage, ct))
        {
            var stream = StreamLabels.Of(record);
            if (!filter.SelectorIsExact && !SelectorMatch.Matches(expr.Matchers, stream)) continue;
            var labels = new LineLabels(stream);
            var line = record.Message;
            if (!pipeline.Process(ref line, labels, record.TimestampNs)) continue;
            visit(record, labels, line);
            if (++entries >= limit) break;
        }

        context.Statistics.TotalLinesProcessed += context.Budget.Scanned;
        context.Statistics.TotalBytesProcessed += context.Budget.BytesScanned;
        context.Statistics.TotalPostFilterLines += entries;
        context.Statistics.TotalEntriesReturned += entries;
    }
}
