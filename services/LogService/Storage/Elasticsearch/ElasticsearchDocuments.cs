using System.Globalization;
using System.Text.Json.Nodes;
using AirisEpm.LogService.Domain;
using F = AirisEpm.LogService.Storage.LogFieldNames;

namespace AirisEpm.LogService.Storage.Elasticsearch;

/// <summary>A <see cref="LogRecord"/> as an Elasticsearch document (<see cref="ElasticsearchSchema"/>) and back.</summary>
internal static class ElasticsearchDocuments
{
    public static JsonObject From(LogRecord record)
    {
        var doc = new JsonObject
        {
            ["@timestamp"] = Iso(record.TimestampNs),
            [F.Timestamp] = record.TimestampNs,
            [F.Id] = record.Id,
            [F.Level] = SeverityNames.Of(record.Level),
            [F.Message] = record.Message,
            [F.Service] = record.Service,
        };
        var names = new JsonArray();
        void Optional(string field, string? value)
        {
            if (value is not null)
            {
                doc[field] = value;
                names.Add(field);
            }
        }

        Optional(F.TraceId, record.TraceId);
        Optional(F.SpanId, record.SpanId);
        Optional(F.PatternId, record.PatternId);
        Optional(F.StackTrace, string.IsNullOrEmpty(record.StackTrace) ? null : record.StackTrace);
        doc["labels"] = Map(record.Labels, F.LabelPrefix, names);
        doc["fields"] = Map(record.Fields, F.FieldPrefix, names);
        foreach (var name in ElasticsearchSchema.WellKnownFields.Keys)
        {
            if (record.Fields.TryGetValue(name, out var value))
            {
                doc[name] = value;
            }
        }

        doc[ElasticsearchSchema.FieldNames] = names;
        return doc;
    }

    public static LogRecord ToRecord(JsonNode source) => new(
        (string)source[F.Id]!,
        (long)source[F.Timestamp]!,
        SeverityNames.TryParse((string?)source[F.Level] ?? "", out var level) ? level : Severity.Unknown,
        (string?)source[F.Message] ?? "",
        (string?)source[F.Service] ?? "",
        (string?)source[F.TraceId],
        (string?)source[F.SpanId],
        ToMap(source["labels"]),
        ToMap(source["fields"]),
        (string?)source[F.PatternId],
        (string?)source[F.StackTrace]);

    /// <summary>RFC 3339 with all nine fraction digits (date_nanos keeps them).</summary>
    public static string Iso(long ns)
    {
        var seconds = Math.DivRem(ns, 1_000_000_000, out var fraction);
        if (fraction < 0)
        {
            seconds--;
            fraction += 1_000_000_000;
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "." + fraction.ToString("D9", CultureInfo.InvariantCulture) + "Z";
    }

    private static JsonObject Map(IReadOnlyDictionary<string, string> values, string prefix, JsonArray names)
    {
        var map = new JsonObject();
        foreach (var (name, value) in values)
        {
            map[name] = value;
            names.Add(prefix + name);
        }

        return map;
    }

    private static Dictionary<string, string> ToMap(JsonNode? node) =>
        node is JsonObject map ? map.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "") : [];
}
