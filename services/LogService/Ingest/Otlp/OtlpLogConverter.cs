using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Parsing;
using AirisEpm.Protocols.Ingest;
using AirisEpm.Protocols.Otlp;
using AirisEpm.Protocols.Otlp.Proto;
using ProtoLogRecord = AirisEpm.Protocols.Otlp.Proto.LogRecord;

namespace AirisEpm.LogService.Ingest.Otlp;

/// <summary>
/// OTLP logs as records: resource attributes become the stream's labels (<c>service.name</c> its
/// service), log attributes become fields, the severity number wins over its text, a structured body
/// gives its <c>message</c> (or <c>msg</c>) as the line and the rest as <c>body.*</c> fields, and the
/// <c>exception.stacktrace</c> attribute is the record's stack trace.
/// </summary>
public static class OtlpLogConverter
{
    public static List<Domain.LogRecord> Convert(ExportLogsServiceRequest request, long receivedNs, IngestProblems problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(problems);
        var records = new List<Domain.LogRecord>();
        for (var r = 0; r < request.ResourceLogs.Count; r++)
        {
            var resource = request.ResourceLogs[r];
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var attribute in resource.Resource?.Attributes ?? [])
            {
                labels[attribute.Key] = OtlpValues.Format(attribute.Value);
            }

            var service = ServiceNames.From(labels);
            for (var s = 0; s < resource.ScopeLogs.Count; s++)
            {
                var scope = resource.ScopeLogs[s];
                for (var l = 0; l < scope.LogRecords.Count; l++)
                {
                    var path = $"resourceLogs[{r}].scopeLogs[{s}].logRecords[{l}]";
                    if (ToRecord(scope.LogRecords[l], scope.Scope, labels, service, receivedNs, path, problems) is { } record)
                    {
                        records.Add(record);
                    }
                }
            }
        }

        return records;
    }

    private static Domain.LogRecord? ToRecord(
        ProtoLogRecord log, InstrumentationScope? scope, IReadOnlyDictionary<string, string> labels, string service, long receivedNs,
        string path, IngestProblems problems)
    {
        var before = problems.Count;
        if (!log.TraceId.IsEmpty && log.TraceId.Length != 16) problems.Add(path + ".traceId", "a trace id is 16 bytes");
        if (!log.SpanId.IsEmpty && log.SpanId.Length != 8) problems.Add(path + ".spanId", "a span id is 8 bytes");
        if (log.TimeUnixNano > long.MaxValue || log.ObservedTimeUnixNano > long.MaxValue) problems.Add(path + ".timeUnixNano", "after the year 2262");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? stackTrace = null;
        foreach (var attribute in log.Attributes)
        {
            var value = OtlpValues.Format(attribute.Value);
            if (attribute.Key == "exception.stacktrace") stackTrace = value;
            else fields[attribute.Key] = value;
        }

        if (scope is { Name.Length: > 0 }) fields["otel.scope.name"] = scope.Name;
        if (log.EventName.Length > 0) fields["event.name"] = log.EventName;
        var message = Message(log.Body, fields);
        var level = log.SeverityNumber != SeverityNumber.Unspecified
            ? SeverityParser.FromOtlpNumber((int)log.SeverityNumber)
            : SeverityParser.Parse(log.SeverityText);
        if (log.SeverityText.Length > 0) fields["severity_text"] = log.SeverityText;
        var time = log.TimeUnixNano != 0 ? log.TimeUnixNano : log.ObservedTimeUnixNano != 0 ? log.ObservedTimeUnixNano : (ulong)receivedNs;
        if (problems.Count > before) return null;
        return new Domain.LogRecord("", (long)time, level, message, service, OtlpValues.HexId(log.TraceId), OtlpValues.HexId(log.SpanId),
            labels, fields, StackTrace: stackTrace);
    }

    private static string Message(AnyValue? body, Dictionary<string, string> fields)
    {
        if (body?.ValueCase != AnyValue.ValueOneofCase.KvlistValue) return OtlpValues.Format(body);
        var message = "";
        foreach (var pair in body.KvlistValue.Values)
        {
            if (message.Length == 0 && pair.Key is "message" or "msg") message = OtlpValues.Format(pair.Value);
            else fields["body." + pair.Key] = OtlpValues.Format(pair.Value);
        }

        return message.Length > 0 ? message : OtlpValues.Format(body);
    }
}
