using AirisEpm.LogService.Domain;
using AirisEpm.LogService.LogQl.Evaluation;

namespace AirisEpm.LogService.LogQl.Metadata;

/// <summary>
/// What Logs Drilldown asks about a query's fields: <c>detected_fields</c> and <c>detected_field/{name}/values</c>
/// over the newest <c>line_limit</c> lines the query returns (run by <see cref="LogQlEngine"/>, within its bounds).
/// A record's structured metadata is its <see cref="LogRecord.Fields"/> plus its trace and span ids, as Loki's
/// OTLP ingestion keeps them.
/// </summary>
public sealed class DetectedFieldCatalog(LogQlEngine engine)
{
    public async Task<IReadOnlyList<DetectedField>> FieldsAsync(string query, long startNs, long endNs, int lineLimit, int fieldLimit, CancellationToken ct)
    {
        var fields = new DetectedFields(fieldLimit);
        await engine.VisitLinesAsync(query, startNs, endNs, lineLimit, (record, labels, _) =>
            fields.Add(Metadata(record), StreamLabels.Of(record), labels.SetLabels, record.Message), ct);
        return fields.Fields;
    }

    public async Task<IReadOnlyList<string>> ValuesAsync(string name, string query, long startNs, long endNs, int lineLimit, int valueLimit, CancellationToken ct)
    {
        var lines = new List<(IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>, string)>();
        await engine.VisitLinesAsync(query, startNs, endNs, lineLimit, (record, labels, _) =>
            lines.Add((Metadata(record), StreamLabels.Of(record), new Dictionary<string, string>(labels.SetLabels, StringComparer.Ordinal), record.Message)), ct);
        return DetectedFields.Values(name, valueLimit, lines);
    }

    /// <summary>Loki's structured metadata for a record: its fields, and <c>trace_id</c>/<c>span_id</c> where it has them.</summary>
    public static IReadOnlyDictionary<string, string> Metadata(LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.TraceId is null && record.SpanId is null) return record.Fields;
        var metadata = new Dictionary<string, string>(record.Fields, StringComparer.Ordinal);
        if (record.TraceId is { } trace) metadata["trace_id"] = trace;
        if (record.SpanId is { } span) metadata["span_id"] = span;
        return metadata;
    }
}
