using AirisEpm.LogService.LogQl.Evaluation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.Apis.Loki;

/// <summary>Writes an engine result as Loki's query response: <c>streams</c>, <c>matrix</c>, <c>vector</c> or <c>scalar</c>, with <c>stats.summary</c>.</summary>
public static class LokiResults
{
    public static LokiQueryResponse Of(QueryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (type, data) = result switch
        {
            StreamsResult streams => ("streams", (object)streams.Streams.Select(s => new LokiStreamView(
                LabelMap(s.Labels), s.Entries.Select(e => new LokiEntry(e.TimestampNs, e.Line)).ToList())).ToList()),
            MatrixResult matrix => ("matrix", matrix.Series.Select(s => new LokiSeriesView(LabelMap(s.Labels), Points(s, matrix.Grid))).ToList()),
            VectorResult vector => ("vector", vector.Samples.Select(s => new LokiSampleView(LabelMap(s.Labels), new LokiPoint(vector.TimeNs, s.Value))).ToList()),
            ScalarResult scalar => ("scalar", new LokiPoint(scalar.TimeNs, scalar.Value)),
            _ => throw new ArgumentException($"unknown result {result.GetType().Name}", nameof(result)),
        };
        return new LokiQueryResponse("success", new LokiQueryData(type, data, Stats(result.Statistics)));
    }

    /// <summary>A label set as the JSON object Loki writes (<c>"stream"</c>, <c>"metric"</c>, a series of <c>/series</c>).</summary>
    public static IReadOnlyDictionary<string, string> LabelMap(LabelSet labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return labels.Labels.ToDictionary(l => l.Name, l => l.Value, StringComparer.Ordinal);
    }

    private static List<LokiPoint> Points(Series series, StepGrid grid)
    {
        var points = new List<LokiPoint>();
        for (var k = 0; k < grid.Count; k++)
        {
            if (series.Present[k]) points.Add(new LokiPoint(grid.Time(k), series.Values[k]));
        }

        return points;
    }

    private static LokiStats Stats(QueryStatistics s)
    {
        var seconds = Math.Max(s.ExecTime.TotalSeconds, 1e-9);
        return new LokiStats(new LokiStatsSummary(
            (long)(s.TotalBytesProcessed / seconds), (long)(s.TotalLinesProcessed / seconds), s.TotalBytesProcessed, s.TotalLinesProcessed,
            s.ExecTime.TotalSeconds, 0, 0, s.TotalEntriesReturned, 0, 0, s.TotalPostFilterLines, 0));
    }
}
