using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage;

namespace AirisEpm.LogService.Tests.Storage;

/// <summary>
/// What every <see cref="ILogStore"/> must do. Each implementation derives once and supplies a fresh,
/// empty store per test. Times are recent days (UTC-day aligned), so Elasticsearch lifecycles and day
/// partitions behave as in production.
/// </summary>
public abstract partial class LogStoreConformance : IAsyncLifetime
{
    protected const long Second = 1_000_000_000;
    protected const long Hour = 3_600 * Second;
    protected const long Day = 24 * Hour;

    /// <summary>Midnight UTC three days ago, in Unix nanoseconds.</summary>
    protected static readonly long Base = (((DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 86_400) - 3) * 86_400) * Second;

    private ILogStore? _store;

    protected ILogStore Store => _store ?? throw new InvalidOperationException("No store.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A query over the whole test window (Base - 1 day to Base + 4 days).</summary>
    protected static LogQuery All(string? text = null, int limit = 100) => new(text, Base - Day, Base + (4 * Day), limit);

    /// <summary>Returns a fresh, empty, initialised store, or calls Assert.Skip with the reason.</summary>
    protected abstract Task<ILogStore> CreateStoreAsync();

    /// <summary>Closes the store and opens it again on the same data.</summary>
    protected abstract Task<ILogStore> ReopenAsync(ILogStore store);

    public async ValueTask InitializeAsync() => _store = await CreateStoreAsync();

    public virtual ValueTask DisposeAsync()
    {
        (_store as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected async Task ReopenAsync() => _store = await ReopenAsync(Store);

    protected static LogRecord Record(
        string id, long ts, string message, Severity level = Severity.Info, string service = "api",
        (string, string)[]? labels = null, (string, string)[]? fields = null,
        string? traceId = null, string? spanId = null, string? patternId = null, string? stackTrace = null) =>
        new(id, ts, level, message, service, traceId, spanId,
            (labels ?? []).ToDictionary(l => l.Item1, l => l.Item2), (fields ?? []).ToDictionary(f => f.Item1, f => f.Item2),
            patternId, stackTrace);

    /// <summary>Makes what was appended searchable: nothing for stores that guarantee it, a refresh for the others.</summary>
    protected virtual Task SettleAsync() => Task.CompletedTask;

    protected Task AppendAsync(params LogRecord[] records) => AppendBatchAsync(records);

    protected async Task AppendBatchAsync(IReadOnlyList<LogRecord> records)
    {
        await Store.AppendAsync(records, Ct);
        await SettleAsync();
    }

    protected async Task<IReadOnlyList<string>> IdsAsync(string? text, Func<LogQuery, LogQuery>? shape = null)
    {
        var query = All(text, 1_000);
        var result = await Store.SearchAsync(shape is null ? query : shape(query), Ct);
        return result.Hits.Select(h => h.Record.Id).ToList();
    }

    /// <summary>The records of the search suite: three services over two days.</summary>
    protected Task AppendCorpusAsync() => AppendAsync(
        Record("r01", Base + (1 * Second), "Connection refused by upstream 10.0.0.1:5432", Severity.Error, "api",
            labels: [("env", "prod"), ("host", "h1")], fields: [("user_id", "42")], traceId: "trace-aaa", spanId: "span-1", patternId: "p-conn"),
        Record("r02", Base + (2 * Second), "GET /api/v1/users 200 in 12ms", Severity.Info, "api",
            labels: [("env", "prod"), ("host", "h1")], fields: [("user_id", "7"), ("status_code", "200")], traceId: "trace-aaa", spanId: "span-2"),
        Record("r03", Base + (3 * Second), "Connection reset while reading request req-42ab", Severity.Warn, "gateway",
            labels: [("env", "staging"), ("host", "h2")], patternId: "p-conn"),
        Record("r04", Base + Hour, "user login succeeded", Severity.Info, "auth", labels: [("env", "prod")], fields: [("user_id", "42")]),
        Record("r05", Base + Day + Second, "NullReferenceException in OrderService.Place", Severity.Fatal, "api",
            labels: [("env", "prod"), ("host", "h1")], stackTrace: "at OrderService.Place()\n at Program.Main()"),
        Record("r06", Base + Day + (2 * Second), "cache miss for key user:42", Severity.Debug, "api", labels: [("env", "staging")]));

    [Fact]
    public async Task Appended_records_are_read_back_whole_by_id()
    {
        var record = Record("a1", Base + 5, "hello <world> & \"all\"", Severity.Warn, "checkout",
            labels: [("env", "prod"), ("host", "h9")], fields: [("user_id", "42"), ("duration_ms", "17.5")],
            traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", patternId: "p1", stackTrace: "at X.Y()");
        await AppendAsync(record);

        var read = await Store.GetAsync("a1", Ct);
        Assert.NotNull(read);
        Assert.Equal((record.Id, record.TimestampNs, record.Level, record.Message, record.Service), (read.Id, read.TimestampNs, read.Level, read.Message, read.Service));
        Assert.Equal((record.TraceId, record.SpanId, record.PatternId, record.StackTrace), (read.TraceId, read.SpanId, read.PatternId, read.StackTrace));
        Assert.Equal(record.Labels.OrderBy(l => l.Key), read.Labels.OrderBy(l => l.Key));
        Assert.Equal(record.Fields.OrderBy(l => l.Key), read.Fields.OrderBy(l => l.Key));
        Assert.Null(await Store.GetAsync("nope", Ct));
    }

    [Fact]
    public async Task Appended_records_are_searchable_at_once_or_after_the_stores_refresh()
    {
        for (var i = 0; i < 5; i++)
        {
            await AppendAsync(Record($"v{i}", Base + i, $"visible number{i}"));
            Assert.Equal([$"v{i}"], await IdsAsync($"number{i}"));
        }

        await AppendAsync();
        await Store.PingAsync(Ct);
    }

    [Theory]
    [InlineData("connection", new[] { "r03", "r01" })]
    [InlineData("CONNECTION", new[] { "r03", "r01" })]
    [InlineData("connection refused", new[] { "r01" })]
    [InlineData("\"connection reset\"", new[] { "r03" })]
    [InlineData("\"reset connection\"", new string[0])]
    [InlineData("connection OR login", new[] { "r04", "r03", "r01" })]
    [InlineData("connection AND NOT refused", new[] { "r03" })]
    [InlineData("connection -refused", new[] { "r03" })]
    [InlineData("NOT level:info", new[] { "r06", "r05", "r03", "r01" })]
    [InlineData("-service:api AND -service:auth", new[] { "r03" })]
    [InlineData("(refused OR reset) AND service:gateway", new[] { "r03" })]
    [InlineData("conn*", new[] { "r03", "r01" })]
    [InlineData("us?r", new[] { "r06", "r04" })]
    [InlineData("connection~1", new[] { "r03", "r01" })]
    [InlineData("10.0.0.1", new[] { "r01" })]
    [InlineData("req-42ab", new[] { "r03" })]
    [InlineData("42ab", new[] { "r03" })]
    [InlineData("service:api", new[] { "r06", "r05", "r02", "r01" })]
    [InlineData("level:error", new[] { "r01" })]
    [InlineData("level:ERROR OR level:Fatal", new[] { "r05", "r01" })]
    [InlineData("level:warning", new[] { "r03" })]
    [InlineData("level:[warn TO *]", new[] { "r05", "r03", "r01" })]
    [InlineData("level:{debug TO warn}", new[] { "r04", "r02" })]
    [InlineData("level:{debug TO warn]", new[] { "r04", "r03", "r02" })]
    [InlineData("trace_id:trace-aaa", new[] { "r02", "r01" })]
    [InlineData("span_id:span-2", new[] { "r02" })]
    [InlineData("pattern_id:p-conn", new[] { "r03", "r01" })]
    [InlineData("labels.env:staging", new[] { "r06", "r03" })]
    [InlineData("labels.host:h1 AND refused", new[] { "r01" })]
    [InlineData("fields.user_id:42", new[] { "r04", "r01" })]
    [InlineData("user_id:42", new[] { "r04", "r01" })]
    [InlineData("status_code:200", new[] { "r02" })]
    [InlineData("stack_trace:program", new[] { "r05" })]
    [InlineData("nullreferenceexception", new[] { "r05" })]
    [InlineData("message.keyword:\"user login succeeded\"", new[] { "r04" })]
    [InlineData("message.keyword:\"user login\"", new string[0])]
    [InlineData("service:gate*", new[] { "r03" })]
    [InlineData("service:[api TO auth]", new[] { "r06", "r05", "r04", "r02", "r01" })]
    [InlineData("*", new[] { "r06", "r05", "r04", "r03", "r02", "r01" })]
    [InlineData("*:*", new[] { "r06", "r05", "r04", "r03", "r02", "r01" })]
    public async Task Query_syntax_selects_the_expected_records(string text, string[] expected)
    {
        await AppendCorpusAsync();

        Assert.Equal(expected, await IdsAsync(text));
    }

    [Fact]
    public async Task Timestamp_ranges_take_nanoseconds_and_iso_times()
    {
        await AppendCorpusAsync();
        var day1 = DateTimeOffset.UnixEpoch.AddTicks((Base + Day) / 100).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(["r06", "r05"], await IdsAsync($"timestamp:[\"{day1}\" TO *]"));
        Assert.Equal(["r02", "r01"], await IdsAsync($"timestamp:[{Base + Second} TO {Base + (2 * Second)}]"));
        Assert.Equal(["r01"], await IdsAsync($"timestamp:{Base + Second}"));
    }

    [Fact]
    public async Task Structured_filters_and_the_time_range_narrow_the_text()
    {
        await AppendCorpusAsync();

        Assert.Equal(["r06", "r05", "r02", "r01"], await IdsAsync(null, q => q with { Service = "api" }));
        Assert.Equal(["r03"], await IdsAsync("connection", q => q with { Level = Severity.Warn }));
        Assert.Equal(["r02", "r01"], await IdsAsync(null, q => q with { TraceId = "trace-aaa" }));
        Assert.Equal(["r03", "r01"], await IdsAsync(null, q => q with { PatternId = "p-conn" }));
        Assert.Equal(["r02", "r01"], await IdsAsync(null, q => q with { StartNs = Base + Second, EndNs = Base + (3 * Second) }));
        Assert.Empty(await IdsAsync("login", q => q with { Service = "api" }));
    }

    [Theory]
    [InlineData("(connection", "cannot be parsed")]
    [InlineData("connection AND", "cannot be parsed")]
    [InlineData("*tion", "cannot be parsed")]
    [InlineData("?onnection", "cannot be parsed")]
    [InlineData("/conn.*/", "Regular expressions")]
    [InlineData("level:loud", "is not a level")]
    [InlineData("timestamp:[yesterday TO *]", "is not a time")]
    [InlineData("timestamp:12*", "timestamp takes a time")]
    [InlineData("a*b*c*d*e*f*g*h*i*", "wildcards")]
    public async Task Invalid_queries_throw_naming_the_problem(string text, string problem)
    {
        await AppendCorpusAsync();

        var error = await Assert.ThrowsAsync<LogQueryException>(() => Store.SearchAsync(All(text), Ct));
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queries_past_the_bounds_throw()
    {
        var tooMany = string.Join(" OR ", Enumerable.Range(0, 1_100).Select(i => $"w{i}"));
        var clauses = await Assert.ThrowsAsync<LogQueryException>(() => Store.SearchAsync(All(tooMany), Ct));
        Assert.Contains("clauses", clauses.Problem, StringComparison.Ordinal);

        var nested = string.Join(" OR ", Enumerable.Range(0, 40).Select(g => "(" + string.Join(" OR ", Enumerable.Range(0, 40).Select(i => $"w{g}x{i}")) + ")"));
        Assert.Contains("terms", (await Assert.ThrowsAsync<LogQueryException>(() => Store.SearchAsync(All(nested), Ct))).Problem, StringComparison.Ordinal);
        await Assert.ThrowsAsync<LogQueryException>(() => Store.SearchAsync(All() with { EndNs = Base - Day }, Ct));
        await Assert.ThrowsAsync<LogQueryException>(() => Store.SearchAsync(All() with { Limit = -1 }, Ct));
        await Assert.ThrowsAsync<LogQueryException>(() => Store.SearchAsync(All() with { HistogramBuckets = 100_000 }, Ct));
        await Assert.ThrowsAsync<LogQueryException>(() => Store.ValuesAsync("message", All(), 10, Ct));
    }
}
