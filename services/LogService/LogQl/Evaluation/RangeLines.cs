using System.Runtime.CompilerServices;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.LogQl.Ast;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>A line of a log range that passed its selector and pipeline: the record, its labels and line after the pipeline, and the steps whose windows hold it.</summary>
public readonly record struct RangeLine(LogRecord Record, LineLabels Labels, string Line, int FirstStep, int LastStep);

/// <summary>
/// What every range aggregation reads: the store's matches of the filter over the span of all the grid's
/// windows, newest first and to the end (within the query budget), each line no window holds skipped, the
/// selector checked where the store could not take it exactly, the pipeline run. The lines and bytes read
/// are added to the query's statistics once the lines are all read.
/// </summary>
public static class RangeLines
{
    public static async IAsyncEnumerable<RangeLine> ReadAsync(EvaluationContext context, LogRange range, StepGrid grid, StoreFilter filter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(filter);
        var (startNs, endNs) = StepWindows.Span(grid, range.RangeNs, range.OffsetNs);
        var pipeline = new LogPipeline(range.Selector.Stages);
        var scannedBefore = context.Budget.Scanned;
        var bytesBefore = context.Budget.BytesScanned;
        await foreach (var record in context.Scanner.ScanAsync(filter.Text, startNs, endNs, newestFirst: true, readAll: true, RecordScanner.WindowRecords, context.CancellationToken))
        {
            var (first, last) = StepWindows.Of(record.TimestampNs, grid, range.RangeNs, range.OffsetNs);
            if (first > last) continue;
            var stream = StreamLabels.Of(record);
            if (!filter.SelectorIsExact && !SelectorMatch.Matches(range.Selector.Matchers, stream)) continue;
            var labels = new LineLabels(stream);
            var line = record.Message;
            if (!pipeline.Process(ref line, labels, record.TimestampNs)) continue;
            yield return new RangeLine(record, labels, line, first, last);
        }

        context.Statistics.TotalLinesProcessed += context.Budget.Scanned - scannedBefore;
        context.Statistics.TotalBytesProcessed += context.Budget.BytesScanned - bytesBefore;
    }

    /// <summary>The store filter for <paramref name="range"/> over all of <paramref name="grid"/>'s windows.</summary>
    public static Task<StoreFilter> FilterAsync(EvaluationContext context, LogRange range, StepGrid grid)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(range);
        var (startNs, endNs) = StepWindows.Span(grid, range.RangeNs, range.OffsetNs);
        return context.Translator.TranslateAsync(range.Selector.Matchers, range.Selector.Stages, startNs, endNs, context.CancellationToken);
    }
}
