using AirisEpm.LogService.LogQl.Metadata;

namespace AirisEpm.LogService.Tests.LogQl.Metadata;

/// <summary>detected_fields as Loki computes it: structured metadata, the query's parsed labels, json or else logfmt over the line.</summary>
public sealed class DetectedFieldsTests
{
    private static readonly Dictionary<string, string> None = [];
    private static readonly Dictionary<string, string> Stream = new() { ["service_name"] = "api", ["level"] = "info" };

    [Theory]
    [InlineData("42", "int")]
    [InlineData("-7", "int")]
    [InlineData("1.5", "float")]
    [InlineData("1e3", "float")]
    [InlineData("NaN", "float")]
    [InlineData("99999999999999999999", "float")]
    [InlineData("true", "boolean")]
    [InlineData("F", "boolean")]
    [InlineData("1", "int")]
    [InlineData("250ms", "duration")]
    [InlineData("-1h30m", "duration")]
    [InlineData("1.5 KiB", "bytes")]
    [InlineData("20kb", "bytes")]
    [InlineData("1d", "string")]
    [InlineData("GET", "string")]
    [InlineData("", "string")]
    public void Types_are_inferred_in_lokis_order(string value, string type)
    {
        Assert.Equal(type, FieldTypes.Of(value));
    }

    [Fact]
    public void Json_lines_give_fields_with_their_paths_and_a_clash_with_a_stream_label_is_suffixed()
    {
        var fields = new DetectedFields(100);
        fields.Add(None, Stream, None, """{"level":"error","user":{"id":7,"name":"ann"},"took":"12ms","ok":true,"tags":["x"]}""");
        fields.Add(None, Stream, None, """{"level":"warn","user":{"id":8},"took":"3.5"}""");
        var byName = fields.Fields.ToDictionary(f => f.Label);
        Assert.Equal(["level_extracted", "ok", "took", "user_id", "user_name"], byName.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, byName["level_extracted"].Cardinality);
        Assert.Equal(["user", "id"], byName["user_id"].JsonPath);
        Assert.Equal(["json"], byName["user_id"].Parsers);
        Assert.Equal("int", byName["user_id"].Type);
        Assert.Equal("boolean", byName["ok"].Type);
        // The type follows the last line's value, as in Loki.
        Assert.Equal("float", byName["took"].Type);
    }

    [Fact]
    public void Other_lines_are_read_as_logfmt_and_metadata_has_no_parser()
    {
        var fields = new DetectedFields(100);
        fields.Add(new Dictionary<string, string> { ["trace_id"] = "abc" }, Stream, None, "method=GET status=200 took=1.5s plain words");
        fields.Add(None, Stream, None, """{"status":404}""");
        var byName = fields.Fields.ToDictionary(f => f.Label);
        Assert.Null(byName["trace_id"].Parsers);
        Assert.Equal("string", byName["trace_id"].Type);
        Assert.Equal(["logfmt", "json"], byName["status"].Parsers);
        Assert.Null(byName["method"].JsonPath);
        Assert.Equal(2, byName["status"].Cardinality);
        Assert.Equal("duration", byName["took"].Type);
    }

    [Fact]
    public void Labels_the_query_parsed_count_and_errors_never_do()
    {
        var fields = new DetectedFields(100);
        fields.Add(None, Stream, new Dictionary<string, string> { ["status"] = "500", ["__error__"] = "JSONParserErr" }, "not json, no pairs");
        var field = Assert.Single(fields.Fields);
        Assert.Equal("status", field.Label);
        Assert.Equal(["logfmt"], field.Parsers);
    }

    [Fact]
    public void At_most_limit_fields_are_kept()
    {
        var fields = new DetectedFields(2);
        fields.Add(None, Stream, None, "a=1 b=2 c=3");
        fields.Add(None, Stream, None, "a=4 d=5");
        Assert.Equal(["a", "b"], fields.Fields.Select(f => f.Label));
        Assert.Equal(2, fields.Fields[0].Cardinality);
    }

    [Fact]
    public void Values_are_distinct_with_sizes_written_as_humanize_writes_them()
    {
        var lines = new (IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>, string)[]
        {
            (None, Stream, None, "size=1.5KiB x=a"),
            (None, Stream, None, "size=20kb x=b"),
            (None, Stream, None, "size=5 x=a"),
            (new Dictionary<string, string> { ["x"] = "c" }, Stream, None, "y=1"),
        };
        Assert.Equal(["1.5kB", "20kB", "5"], DetectedFields.Values("size", 10, lines));
        Assert.Equal(["a", "b", "c"], DetectedFields.Values("x", 10, lines));
        Assert.Equal(2, DetectedFields.Values("x", 2, lines).Count);
    }

    [Theory]
    [InlineData("5b", "5B")]
    [InlineData("999kb", "999kB")]
    [InlineData("1234567 B", "1.2MB")]
    [InlineData("5m", "5.0MB")]
    [InlineData("12", "12")]
    [InlineData("fast", "fast")]
    public void Sizes_become_query_values(string value, string expected)
    {
        Assert.Equal(expected, DetectedFields.AsQueryValue(value));
    }

    [Fact]
    public void Detected_labels_leave_out_identifiers_but_keep_flags_and_static_labels()
    {
        var labels = DetectedLabels.Select(new Dictionary<string, IReadOnlyList<string>>
        {
            ["env"] = ["prod", "dev"],
            ["request_id"] = ["1", "2", "3"],
            ["session"] = ["6ba7b810-9dad-11d1-80b4-00c04fd430c8", "{6ba7b811-9dad-11d1-80b4-00c04fd430c8}"],
            ["canary"] = ["0", "1"],
            ["pod"] = ["17", "18", "19"],
            ["cluster"] = [],
            ["code"] = ["200", "x"],
        });
        Assert.Equal(["canary", "code", "env", "pod"], labels.Select(l => l.Label));
        Assert.Equal(3, labels.Single(l => l.Label == "pod").Cardinality);
    }
}
