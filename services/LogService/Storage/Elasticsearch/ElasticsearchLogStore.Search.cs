using System.Globalization;
using System.Text.Json.Nodes;
using AirisEpm.LogService.Domain;
using HttpMethod = Elastic.Transport.HttpMethod;
using F = AirisEpm.LogService.Storage.LogFieldNames;

namespace AirisEpm.LogService.Storage.Elasticsearch;

public sealed partial class ElasticsearchLogStore
{
    /// <summary>
    /// One <c>_search</c>: sorted by (timestamp, id) descending with <c>search_after</c>, <c>track_total_hits</c> at
    /// 10,000, the plain highlighter on <c>message</c> with the text query, and the histogram as a <c>filters</c>
    /// aggregation of exact long ranges (a <c>histogram</c> aggregation would key buckets by doubles, which cannot
    /// hold nanosecond times) with a <c>terms</c> on level inside.
    /// </summary>
    public async Task<LogSearchResult> SearchAsync(LogQuery query, CancellationToken cancellationToken)
    {
        var (text, all) = ElasticsearchQueries.Build(query);
        var body = new JsonObject
        {
            ["query"] = all,
            ["size"] = query.Limit == 0 ? 0 : query.Limit + 1,
            ["sort"] = Sort("desc"),
            ["track_total_hits"] = LogQueryLimits.ExactTotal,
        };
        if (query.After is { } after)
        {
            body["search_after"] = new JsonArray(after.TimestampNs, after.Id);
        }

        if (query.Highlight && text is not null)
        {
            body["highlight"] = new JsonObject
            {
                ["type"] = "plain",
                ["encoder"] = "html",
                ["pre_tags"] = new JsonArray("<em>"),
                ["post_tags"] = new JsonArray("</em>"),
                ["highlight_query"] = text,
                ["fields"] = new JsonObject { [F.Message] = new JsonObject { ["number_of_fragments"] = 3, ["fragment_size"] = 150 } },
            };
        }

        var width = query.HistogramBuckets > 0 ? LogQueryLimits.BucketWidth(query) : 0;
        if (query.HistogramBuckets > 0)
        {
            var filters = new JsonObject();
            for (var b = 0; b < query.HistogramBuckets; b++)
            {
                var start = query.StartNs + (b * width);
                filters[b.ToString(CultureInfo.InvariantCulture)] = ElasticsearchQueries.Range(start, start + width, true, false);
            }

            body["aggs"] = new JsonObject
            {
                ["histogram"] = new JsonObject
                {
                    ["filters"] = new JsonObject { ["filters"] = filters },
                    ["aggs"] = new JsonObject { ["levels"] = Terms(F.Level, 10) },
                },
            };
        }

        var result = await SendAsync(HttpMethod.POST, $"{_stream}/_search", body.ToJsonString(), cancellationToken);
        var hits = (result["hits"]?["hits"] as JsonArray ?? []).Select(h => new LogHit(
            ElasticsearchDocuments.ToRecord(h!["_source"]!),
            (h["highlight"]?[F.Message] as JsonArray)?.Select(f => f!.ToString()).ToList() ?? [])).ToList();
        var page = hits.Take(query.Limit).ToList();
        var next = hits.Count > query.Limit && page.Count > 0 ? new LogCursor(page[^1].Record.TimestampNs, page[^1].Record.Id) : null;
        var total = result["hits"]?["total"];
        var histogram = query.HistogramBuckets == 0 ? [] : Enumerable.Range(0, query.HistogramBuckets).Select(b => new HistogramBucket(
            query.StartNs + (b * width),
            LevelCounts(result["aggregations"]?["histogram"]?["buckets"]?[b.ToString(CultureInfo.InvariantCulture)]?["levels"]))).ToList();
        return new LogSearchResult(page, (long?)total?["value"] ?? 0, (string?)total?["relation"] == "gte", next, histogram);
    }

    public async Task<LogRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var found = await FindAsync(ElasticsearchQueries.Term(F.Id, id), "desc", 1, null, cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    public async Task<IReadOnlyList<LogRecord>> ContextAsync(string id, int before, int after, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(before);
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        if (await GetAsync(id, cancellationToken) is not { } record)
        {
            return [];
        }

        var must = new JsonArray(ElasticsearchQueries.Term(F.Service, record.Service));
        if (record.Labels.TryGetValue("host", out var host))
        {
            must.Add(ElasticsearchQueries.Term(F.LabelPrefix + "host", host));
        }

        var at = new LogCursor(record.TimestampNs, record.Id);
        var older = before == 0 ? [] : await FindAsync(ElasticsearchQueries.Bool(("must", must)), "desc", before, at, cancellationToken);
        var newer = after == 0 ? [] : await FindAsync(ElasticsearchQueries.Bool(("must", must.DeepClone().AsArray())), "asc", after, at, cancellationToken);
        return [.. Enumerable.Reverse(older), record, .. newer];
    }

    public async Task<IReadOnlyList<FieldCount>> FieldsAsync(LogQuery query, CancellationToken cancellationToken)
    {
        var (_, all) = ElasticsearchQueries.Build(query);
        var body = new JsonObject { ["query"] = all, ["size"] = 0, ["track_total_hits"] = true, ["aggs"] = new JsonObject { ["names"] = Terms(ElasticsearchSchema.FieldNames, 10_000) } };
        var result = await SendAsync(HttpMethod.POST, $"{_stream}/_search", body.ToJsonString(), cancellationToken);
        var matches = (long?)result["hits"]?["total"]?["value"] ?? 0;
        var always = matches == 0 ? [] : new[] { F.Id, F.Timestamp, F.Level, F.Message, F.Service }.Select(f => new FieldCount(f, matches));
        return [.. Buckets(result["aggregations"]?["names"]).Select(b => new FieldCount(b.Key, b.Count)).Concat(always)
            .OrderByDescending(f => f.Records).ThenBy(f => f.Field, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<ValueCount>> ValuesAsync(string field, LogQuery query, int limit, CancellationToken cancellationToken)
    {
        var name = F.Resolve(field);
        if (F.IsText(name) || name is F.Timestamp or F.MessageKeyword)
        {
            throw new LogQueryException($"'{field}' has no values to count; count a keyword field such as level, service or labels.<name>.");
        }

        if (limit is < 1 or > LogQueryLimits.MaxLimit)
        {
            throw new LogQueryException($"limit must be between 1 and {LogQueryLimits.MaxLimit}; it is {limit}.");
        }

        var (_, all) = ElasticsearchQueries.Build(query);
        var body = new JsonObject { ["query"] = all, ["size"] = 0, ["aggs"] = new JsonObject { ["values"] = Terms(name, limit) } };
        var result = await SendAsync(HttpMethod.POST, $"{_stream}/_search", body.ToJsonString(), cancellationToken);
        return [.. Buckets(result["aggregations"]?["values"]).Select(b => new ValueCount(b.Key, b.Count))];
    }

    private async Task<IReadOnlyList<LogRecord>> FindAsync(JsonObject query, string order, int size, LogCursor? after, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["query"] = query, ["size"] = size, ["sort"] = Sort(order), ["track_total_hits"] = false };
        if (after is not null)
        {
            body["search_after"] = new JsonArray(after.TimestampNs, after.Id);
        }

        var result = await SendAsync(HttpMethod.POST, $"{_stream}/_search", body.ToJsonString(), cancellationToken);
        return [.. (result["hits"]?["hits"] as JsonArray ?? []).Select(h => ElasticsearchDocuments.ToRecord(h!["_source"]!))];
    }

    private static JsonArray Sort(string order) => new(
        new JsonObject { [F.Timestamp] = order },
        new JsonObject { [F.Id] = order });

    private static JsonObject Terms(string field, int size) => new()
    {
        ["terms"] = new JsonObject
        {
            ["field"] = field,
            ["size"] = size,
            ["order"] = new JsonArray(new JsonObject { ["_count"] = "desc" }, new JsonObject { ["_key"] = "asc" }),
        },
    };

    private static IEnumerable<(string Key, long Count)> Buckets(JsonNode? aggregation) =>
        (aggregation?["buckets"] as JsonArray ?? []).Select(b => (b!["key"]!.ToString(), (long)b["doc_count"]!));

    private static Dictionary<Severity, long> LevelCounts(JsonNode? levels) =>
        Buckets(levels).Where(b => b.Count > 0).ToDictionary(b => SeverityNames.TryParse(b.Key, out var level) ? level : Severity.Unknown, b => b.Count);
}
