using AirisEpm.LogService.Storage;
using AirisEpm.LogService.Storage.Elasticsearch;
using AirisEpm.LogService.Storage.Lucene;

namespace AirisEpm.LogService.Tests.Storage.Elasticsearch;

/// <summary>The query text as Elasticsearch receives it (runs without a server).</summary>
public sealed class ElasticsearchQueriesTests
{
    [Theory]
    [InlineData("refused", """{"term":{"message":"refused"}}""")]
    [InlineData("Refused AND service:API", """{"bool":{"must":[{"term":{"message":"refused"}},{"term":{"service":"API"}}]}}""")]
    [InlineData("a OR b", """{"bool":{"should":[{"term":{"message":"a"}},{"term":{"message":"b"}}],"minimum_should_match":1}}""")]
    [InlineData("a OR b -c", """{"bool":{"should":[{"term":{"message":"a"}},{"term":{"message":"b"}}],"must_not":[{"term":{"message":"c"}}],"minimum_should_match":1}}""")]
    [InlineData("NOT level:debug", """{"bool":{"must":[{"match_all":{}}],"must_not":[{"term":{"level":"debug"}}]}}""")]
    [InlineData("\"connection reset\"~2", """{"match_phrase":{"message":{"query":"connection reset","slop":2}}}""")]
    [InlineData("10.0.0.1", """{"match_phrase":{"message":{"query":"10 0 0 1","slop":0}}}""")]
    [InlineData("conn*", """{"prefix":{"message":{"value":"conn"}}}""")]
    [InlineData("Co?n*ion", """{"wildcard":{"message":{"value":"co?n*ion"}}}""")]
    [InlineData("service:Gate*", """{"prefix":{"service":{"value":"Gate"}}}""")]
    [InlineData("connection~1", """{"fuzzy":{"message":{"value":"connection","fuzziness":1,"prefix_length":0}}}""")]
    [InlineData("user_id:42", """{"term":{"fields.user_id":"42"}}""")]
    [InlineData("labels.env:prod", """{"term":{"labels.env":"prod"}}""")]
    [InlineData("service:[api TO auth}", """{"range":{"service":{"gte":"api","lt":"auth"}}}""")]
    [InlineData("timestamp:[1000 TO *]", """{"range":{"timestamp":{"gte":1000}}}""")]
    [InlineData("timestamp:{1000 TO 2000]", """{"range":{"timestamp":{"gt":1000,"lte":2000}}}""")]
    [InlineData("message.keyword:\"user login succeeded\"", """{"term":{"message.keyword":"user login succeeded"}}""")]
    [InlineData("id:AZt3EZpodDqVroLjFhGtIw", """{"term":{"id":"AZt3EZpodDqVroLjFhGtIw"}}""")]
    [InlineData("id:\"r-01\"", """{"term":{"id":"r-01"}}""")]
    [InlineData("level:[error TO *]", """{"bool":{"should":[{"term":{"level":"error"}},{"term":{"level":"fatal"}}],"minimum_should_match":1}}""")]
    [InlineData("*:*", """{"match_all":{}}""")]
    public void Query_text_becomes_the_equivalent_dsl(string text, string expected)
    {
        Assert.Equal(expected, ElasticsearchQueries.Translate(LuceneQueries.ParseText(text)!).ToJsonString());
    }

    [Fact]
    public void Filters_and_the_time_range_are_required_clauses()
    {
        var (text, all) = ElasticsearchQueries.Build(new LogQuery("refused", 10, 20, Service: "api", Level: AirisEpm.LogService.Domain.Severity.Error, TraceId: "t1", PatternId: "p1"));

        Assert.Equal("""{"term":{"message":"refused"}}""", text!.ToJsonString());
        Assert.Equal(
            """{"bool":{"must":[{"range":{"timestamp":{"gte":10,"lt":20}}},{"term":{"message":"refused"}},{"term":{"service":"api"}},{"term":{"level":"error"}},{"term":{"trace_id":"t1"}},{"term":{"pattern_id":"p1"}}]}}""",
            all.ToJsonString());
        Assert.Throws<LogQueryException>(() => ElasticsearchQueries.Build(new LogQuery("(", 10, 20)));
    }

    [Fact]
    public void Documents_carry_the_mapped_fields_and_read_back_whole()
    {
        var record = new AirisEpm.LogService.Domain.LogRecord(
            "id1", 1_767_225_600_123_456_789, AirisEpm.LogService.Domain.Severity.Warn, "slow", "api", "t", null,
            new Dictionary<string, string> { ["k8s.pod"] = "p-1" }, new Dictionary<string, string> { ["status_code"] = "503", ["x"] = "y" }, "p9");

        var doc = ElasticsearchDocuments.From(record);

        Assert.Equal("2026-01-01T00:00:00.123456789Z", (string?)doc["@timestamp"]);
        Assert.Equal("503", (string?)doc["status_code"]);
        Assert.Equal("""["trace_id","pattern_id","labels.k8s.pod","fields.status_code","fields.x"]""", doc["field_names"]!.ToJsonString());
        var back = ElasticsearchDocuments.ToRecord(doc);
        Assert.Equal((record.Id, record.TimestampNs, record.Level, record.TraceId, record.SpanId, record.PatternId), (back.Id, back.TimestampNs, back.Level, back.TraceId, back.SpanId, back.PatternId));
        Assert.Equal(record.Labels, back.Labels);
        Assert.Equal(record.Fields, back.Fields);
    }

    [Fact]
    public void The_template_targets_the_data_stream_with_its_retention()
    {
        var template = ElasticsearchSchema.IndexTemplate("logs-airis-default", TimeSpan.FromDays(30));

        Assert.Equal("""["logs-airis-default"]""", template["index_patterns"]!.ToJsonString());
        Assert.Equal("2592000s", (string?)template["template"]!["lifecycle"]!["data_retention"]);
        Assert.Equal("date_nanos", (string?)template["template"]!["mappings"]!["properties"]!["@timestamp"]!["type"]);
        Assert.Equal(1024, (int?)template["template"]!["mappings"]!["properties"]!["message"]!["fields"]!["keyword"]!["ignore_above"]);
    }
}
