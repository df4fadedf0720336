using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage;

namespace AirisEpm.LogService.Tests.Storage;

public abstract partial class LogStoreConformance
{
    [Fact]
    public async Task Highlights_mark_the_matched_words_in_escaped_fragments()
    {
        await AppendCorpusAsync();
        await AppendAsync(Record("h1", Base + 10, "<b>timeout</b> talking to db & cache", Severity.Error));

        var result = await Store.SearchAsync(All("refused OR timeout") with { Highlight = true }, Ct);
        var byId = result.Hits.ToDictionary(h => h.Record.Id, h => h.Highlights);
        Assert.Equal(["Connection <em>refused</em> by upstream 10.0.0.1:5432"], byId["r01"]);
        Assert.Equal(["&lt;b&gt;<em>timeout</em>&lt;/b&gt; talking to db &amp; cache"], byId["h1"]);

        var wildcard = await Store.SearchAsync(All("conn*") with { Highlight = true }, Ct);
        Assert.All(wildcard.Hits, h => Assert.StartsWith("<em>Connection</em>", Assert.Single(h.Highlights), StringComparison.Ordinal));
        Assert.All((await Store.SearchAsync(All("refused"), Ct)).Hits, h => Assert.Empty(h.Highlights));
        Assert.All((await Store.SearchAsync(All("level:error") with { Highlight = true }, Ct)).Hits, h => Assert.Empty(h.Highlights));
    }

    [Fact]
    public async Task Context_returns_neighbours_of_the_same_service_and_host_in_time_order()
    {
        var records = new List<LogRecord>();
        for (var i = 0; i < 10; i++)
        {
            records.Add(Record($"c{i}", Base + Day - (5 * Second) + (i * Second), $"step {i}", labels: [("host", "h1")]));
            records.Add(Record($"x{i}", Base + Day - (5 * Second) + (i * Second), $"other host {i}", labels: [("host", "h2")]));
            records.Add(Record($"s{i}", Base + Day - (5 * Second) + (i * Second), $"other service {i}", service: "web", labels: [("host", "h1")]));
        }

        await AppendBatchAsync(records);

        // c5 is the first record of the second day: its neighbours span two partitions.
        Assert.Equal(["c2", "c3", "c4", "c5", "c6", "c7"], (await Store.ContextAsync("c5", 3, 2, Ct)).Select(r => r.Id));
        Assert.Equal(["c0", "c1"], (await Store.ContextAsync("c0", 5, 1, Ct)).Select(r => r.Id));
        Assert.Equal(["c9"], (await Store.ContextAsync("c9", 0, 3, Ct)).Select(r => r.Id));
        Assert.Empty(await Store.ContextAsync("missing", 3, 3, Ct));
    }

    [Fact]
    public async Task Context_in_a_busy_stream_takes_the_nearest_neighbours_even_with_equal_timestamps()
    {
        // 600 records over two days, three per timestamp: the neighbours are found by their (time, id) order alone.
        var records = Enumerable.Range(0, 600).Select(i => Record($"b{i:D3}", Base + ((i / 3) * (Day / 100)), $"busy {i}", labels: [("host", "h1")])).ToArray();
        new Random(7).Shuffle(records);
        await AppendBatchAsync(records);

        Assert.Equal(["b295", "b296", "b297", "b298", "b299", "b300", "b301", "b302"], (await Store.ContextAsync("b299", 4, 3, Ct)).Select(r => r.Id));
        Assert.Equal(["b000", "b001", "b002"], (await Store.ContextAsync("b000", 4, 2, Ct)).Select(r => r.Id));
        Assert.Equal(["b597", "b598", "b599"], (await Store.ContextAsync("b599", 2, 4, Ct)).Select(r => r.Id));
    }

    [Fact]
    public async Task Context_without_a_host_label_takes_the_service_only()
    {
        await AppendAsync(
            Record("n1", Base + 1, "one", service: "batch"),
            Record("n2", Base + 2, "two", service: "batch", labels: [("host", "h3")]),
            Record("n3", Base + 3, "three", service: "batch"),
            Record("n4", Base + 4, "four", service: "api"));

        Assert.Equal(["n1", "n2", "n3"], (await Store.ContextAsync("n3", 5, 5, Ct)).Select(r => r.Id));
    }

    [Fact]
    public async Task Fields_lists_the_fields_present_with_record_counts()
    {
        await AppendCorpusAsync();

        var fields = (await Store.FieldsAsync(All(), Ct)).ToDictionary(f => f.Field, f => f.Records);
        Assert.Equal(6, fields["message"]);
        Assert.Equal(6, fields["service"]);
        Assert.Equal(6, fields["labels.env"]);
        Assert.Equal(4, fields["labels.host"]);
        Assert.Equal(3, fields["fields.user_id"]);
        Assert.Equal(1, fields["fields.status_code"]);
        Assert.Equal(2, fields["trace_id"]);
        Assert.Equal(1, fields["stack_trace"]);
        Assert.False(fields.ContainsKey("labels.region"));

        var api = (await Store.FieldsAsync(All("service:auth"), Ct)).ToDictionary(f => f.Field, f => f.Records);
        Assert.Equal(1, api["fields.user_id"]);
        Assert.False(api.ContainsKey("labels.host"));
    }

    [Fact]
    public async Task Values_gives_the_most_frequent_values_of_a_field_over_the_matches()
    {
        await AppendCorpusAsync();

        Assert.Equal([new ValueCount("api", 4), new ValueCount("auth", 1), new ValueCount("gateway", 1)], await Store.ValuesAsync("service", All(), 10, Ct));
        Assert.Equal([new ValueCount("api", 4)], await Store.ValuesAsync("service", All(), 1, Ct));
        Assert.Equal([new ValueCount("prod", 4), new ValueCount("staging", 2)], await Store.ValuesAsync("labels.env", All(), 10, Ct));
        Assert.Equal([new ValueCount("42", 2), new ValueCount("7", 1)], await Store.ValuesAsync("user_id", All(), 10, Ct));
        Assert.Equal([new ValueCount("error", 1), new ValueCount("warn", 1)], await Store.ValuesAsync("level", All("connection"), 10, Ct));
        Assert.Equal([new ValueCount("trace-aaa", 2)], await Store.ValuesAsync("trace_id", All(), 10, Ct));
        Assert.Empty(await Store.ValuesAsync("labels.region", All(), 10, Ct));
    }
}
