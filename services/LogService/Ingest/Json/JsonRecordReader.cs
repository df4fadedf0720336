using System.Globalization;
using System.Text.Json;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Parsing;
using AirisEpm.Protocols.Ingest;
using AirisEpm.ServiceDefaults.Text;

namespace AirisEpm.LogService.Ingest.Json;

/// <summary>
/// One record of <c>POST /api/v1/logs</c>: <c>message</c> (required), <c>timestamp</c> (RFC 3339, or a
/// number of Unix seconds, milliseconds, microseconds or nanoseconds told apart by size; the receive
/// time when absent), <c>level</c>, <c>service</c>, <c>trace_id</c>, <c>span_id</c>, <c>labels</c> (an object of
/// strings), <c>stack_trace</c>; every other key is kept as a field, nested objects flattened to dotted names.
/// </summary>
internal static class JsonRecordReader
{
    /// <summary>Fields beyond this many are a 400: a record is not a document store.</summary>
    public const int MaxFields = 256;

    public static LogRecord? Read(JsonElement element, string path, long receivedNs, IngestProblems problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path, "a record must be a JSON object");
            return null;
        }

        var before = problems.Count;
        string? message = null, service = null, traceId = null, spanId = null, stackTrace = null;
        long timestampNs = receivedNs;
        var level = Severity.Unknown;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var at = new ProblemPath(path, property.Name); // the string is built only for a problem
            var value = property.Value;
            switch (property.Name)
            {
                case "message" or "msg":
                    message = RequireString(value, at, problems);
                    break;
                case "timestamp" or "time" or "@timestamp":
                    if (!TryTimestamp(value, out timestampNs)) problems.Add(at.ToString(), "not an RFC 3339 time or a number of Unix s, ms, µs or ns after 1970");
                    break;
                case "level" or "severity":
                    level = ReadLevel(value, at, problems);
                    break;
                case "service" or "service.name":
                    service = RequireString(value, at, problems);
                    break;
                case "trace_id" or "traceId":
                    traceId = ReadId(value, at, problems, s => TraceContextParser.NormalizeTraceId(s), "32");
                    break;
                case "span_id" or "spanId":
                    spanId = ReadId(value, at, problems, s => TraceContextParser.NormalizeSpanId(s), "16");
                    break;
                case "stack_trace" or "stackTrace":
                    stackTrace = RequireString(value, at, problems);
                    break;
                case "labels":
                    ReadLabels(value, at, labels, problems);
                    break;
                default:
                    Flatten(property.Name, value, fields);
                    break;
            }
        }

        if (message is null && problems.Count == before) problems.Add($"{path}.message", "required: the log line");
        if (fields.Count > MaxFields) problems.Add(path, $"more than {MaxFields} fields");
        if (problems.Count > before) return null;
        return new LogRecord("", timestampNs, level, message!, service ?? ServiceNames.From(labels), traceId, spanId, labels, fields, StackTrace: stackTrace);
    }

    private static string? RequireString(JsonElement value, ProblemPath at, IngestProblems problems)
    {
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        problems.Add(at.ToString(), "must be a string");
        return null;
    }

    private static Severity ReadLevel(JsonElement value, ProblemPath at, IngestProblems problems)
    {
        var level = value.ValueKind switch
        {
            JsonValueKind.String => SeverityParser.Parse(value.GetString()),
            JsonValueKind.Number when value.TryGetInt32(out var number) => SeverityParser.FromOtlpNumber(number),
            _ => Severity.Unknown,
        };
        if (level == Severity.Unknown)
        {
            problems.Add(at.ToString(), "unknown level: use trace, debug, info, warn, error or fatal (or an alias such as WARNING, ERR, CRITICAL, or an OTLP severity number 1-24)");
        }

        return level;
    }

    private static string? ReadId(JsonElement value, ProblemPath at, IngestProblems problems, Func<string, string?> normalize, string digits)
    {
        if (value.ValueKind == JsonValueKind.String && normalize(value.GetString()!) is { } id) return id;
        problems.Add(at.ToString(), $"must be {digits} hex digits, not all zero");
        return null;
    }

    private static void ReadLabels(JsonElement value, ProblemPath at, Dictionary<string, string> labels, IngestProblems problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(at.ToString(), "must be an object of string values");
            return;
        }

        foreach (var label in value.EnumerateObject())
        {
            if (label.Value.ValueKind == JsonValueKind.String) labels[label.Name] = label.Value.GetString()!;
            else problems.Add($"{at}.{label.Name}", "a label value must be a string");
        }
    }

    private static void Flatten(string name, JsonElement value, Dictionary<string, string> fields)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var child in value.EnumerateObject())
                {
                    Flatten($"{name}.{child.Name}", child.Value, fields);
                }

                break;
            case JsonValueKind.String:
                fields[name] = value.GetString()!;
                break;
            case JsonValueKind.Null:
                break;
            default:
                fields[name] = value.GetRawText();
                break;
        }
    }

    /// <summary>Where in the body a value is (<c>[3].level</c>).</summary>
    private readonly record struct ProblemPath(string Record, string Property)
    {
        public override string ToString() => $"{Record}.{Property}";
    }

    internal static bool TryTimestamp(JsonElement value, out long ns)
    {
        ns = 0;
        if (value.ValueKind == JsonValueKind.String)
        {
            if (!DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return false;
            ns = (at.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) * 100;
            return ns > 0;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number) || number <= 0) return false;
        if (value.TryGetInt64(out var whole))
        {
            if (!UnixTime.TryToNs(whole, out ns)) return false;
        }
        else
        {
            var scaled = Math.Round(number * UnixTime.NanosecondsPerUnit(number));
            if (scaled >= long.MaxValue) return false;
            ns = (long)scaled;
        }

        return true;
    }
}
