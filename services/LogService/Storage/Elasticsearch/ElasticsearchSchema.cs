using System.Globalization;
using System.Text.Json.Nodes;
using F = AirisEpm.LogService.Storage.LogFieldNames;

namespace AirisEpm.LogService.Storage.Elasticsearch;

/// <summary>
/// The index template behind the log data stream: the same fields, analysis and limits as the Lucene
/// store (see <c>LogDocuments</c>), so one parsed query means the same on both. <c>@timestamp</c>
/// (date_nanos) is what data streams and Kibana require; <c>timestamp</c> (long, Unix ns) is what this
/// service ranges, sorts and pages on, exactly. The well-known attributes of issue 10 (user_id, request_id,
/// duration_ms, status_code, url, method) are also copied to the top level with their own types;
/// malformed numbers are ignored rather than rejecting the record. The data stream lifecycle deletes
/// backing indices past the retention.
/// </summary>
internal static class ElasticsearchSchema
{
    public const string Analyzer = "airis_log";
    public const string FieldNames = "field_names";

    /// <summary>Copied from <c>fields.*</c> to typed top-level fields, with their Elasticsearch types.</summary>
    public static readonly IReadOnlyDictionary<string, string> WellKnownFields = new Dictionary<string, string>
    {
        ["user_id"] = "keyword",
        ["request_id"] = "keyword",
        ["duration_ms"] = "double",
        ["status_code"] = "integer",
        ["url"] = "keyword",
        ["method"] = "keyword",
    };

    public static JsonObject IndexTemplate(string dataStream, TimeSpan retention) => new()
    {
        ["index_patterns"] = new JsonArray(dataStream),
        ["data_stream"] = new JsonObject(),
        ["priority"] = 500, // above the built-in logs-*-* template (100)
        ["template"] = new JsonObject
        {
            ["lifecycle"] = new JsonObject { ["data_retention"] = ((long)retention.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s" },
            ["settings"] = new JsonObject
            {
                ["index.refresh_interval"] = "1s",
                ["analysis"] = new JsonObject
                {
                    ["tokenizer"] = new JsonObject { [Analyzer] = new JsonObject { ["type"] = "pattern", ["pattern"] = @"[^\p{L}\p{N}_]+" } },
                    ["analyzer"] = new JsonObject { [Analyzer] = new JsonObject { ["type"] = "custom", ["tokenizer"] = Analyzer, ["filter"] = new JsonArray("lowercase") } },
                    ["normalizer"] = new JsonObject { ["lowercase"] = new JsonObject { ["type"] = "custom", ["filter"] = new JsonArray("lowercase") } },
                },
            },
            ["mappings"] = Mappings(),
        },
    };

    private static JsonObject Mappings()
    {
        var properties = new JsonObject
        {
            ["@timestamp"] = Type("date_nanos"),
            [F.Timestamp] = Type("long"),
            [F.Id] = Keyword(),
            [F.Level] = new JsonObject { ["type"] = "keyword", ["normalizer"] = "lowercase" },
            [F.Message] = new JsonObject
            {
                ["type"] = "text",
                ["analyzer"] = Analyzer,
                ["fields"] = new JsonObject { ["keyword"] = Keyword(1_024) },
            },
            [F.Service] = Keyword(),
            [F.TraceId] = Keyword(),
            [F.SpanId] = Keyword(),
            [F.PatternId] = Keyword(),
            [F.StackTrace] = new JsonObject { ["type"] = "text", ["analyzer"] = Analyzer },
            ["labels"] = new JsonObject { ["type"] = "object", ["subobjects"] = false, ["dynamic"] = true },
            ["fields"] = new JsonObject { ["type"] = "object", ["subobjects"] = false, ["dynamic"] = true },
            [FieldNames] = Keyword(),
        };
        foreach (var (name, type) in WellKnownFields)
        {
            properties[name] = type == "keyword" ? Keyword() : new JsonObject { ["type"] = type, ["ignore_malformed"] = true };
        }

        return new JsonObject
        {
            ["dynamic"] = false,
            ["dynamic_templates"] = new JsonArray(
                new JsonObject { ["labels"] = new JsonObject { ["path_match"] = "labels.*", ["mapping"] = Keyword() } },
                new JsonObject { ["fields"] = new JsonObject { ["path_match"] = "fields.*", ["mapping"] = Keyword() } }),
            ["properties"] = properties,
        };
    }

    private static JsonObject Type(string type) => new() { ["type"] = type };

    private static JsonObject Keyword(int ignoreAbove = 8_000) => new() { ["type"] = "keyword", ["ignore_above"] = ignoreAbove };
}
