using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage;
using AirisEpm.LogService.Storage.Lucene;

namespace AirisEpm.LogService.Tests.Storage.Lucene;

/// <summary>
/// Finding records without a term per record: by the millisecond their id tells (ids made by <see cref="RecordIds.New"/>,
/// as in production; the conformance suite's ids tell no time and take the id-term path), and whole messages by the
/// phrase of their words checked against a hash.
/// </summary>
public sealed class LuceneLookupTests : IAsyncLifetime
{
    private const long Ms = 1_000_000;
    private static readonly long Base = ((DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 86_400) - 2) * 86_400 * 1_000_000_000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-lookup-" + Guid.NewGuid().ToString("N"));
    private LuceneLogStore? _store;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LuceneLogStore Store => _store ?? throw new InvalidOperationException("No store.");

    public async ValueTask InitializeAsync()
    {
        _store = LuceneLogStoreTests.Open(_folder);
        await _store.InitializeAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        _store?.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task<(string Id, long TimestampNs, string Message)> FindAsync(string id)
    {
        var found = await Store.GetAsync(id, Ct);
        Assert.NotNull(found);
        return (found.Id, found.TimestampNs, found.Message);
    }

    private async Task<IReadOnlyList<string>> MessagesAsync(string text) =>
        (await Store.SearchAsync(new LogQuery(text, Base - Ms, Base + (1_000 * Ms), Limit: 100), Ct)).Hits.Select(h => h.Record.Message).Reverse().ToList();

    private static LogRecord Record(long timestampNs, string message, string? id = null, string service = "api") =>
        new(id ?? RecordIds.New(timestampNs), timestampNs, Severity.Info, message, service, null, null,
            new Dictionary<string, string> { ["host"] = "h1" }, new Dictionary<string, string>());

    [Fact]
    public async Task Records_are_found_by_ids_that_tell_their_millisecond_among_many_of_the_same_millisecond()
    {
        // 40 records in one millisecond (ten on each of four instants), 40 more spread over the day, and the first record of the next day.
        var sameMs = Enumerable.Range(0, 40).Select(i => Record(Base + (5 * Ms) + (i / 10), $"tick {i}")).ToList();
        var spread = Enumerable.Range(0, 40).Select(i => Record(Base + (i * 2_000_000_000_000L), $"spread {i}")).ToList();
        var nextDay = Record(Base + (86_400L * 1_000_000_000), "next day");
        await Store.AppendAsync([.. sameMs, .. spread, nextDay], Ct);

        foreach (var record in sameMs.Concat(spread).Append(nextDay))
        {
            Assert.Equal((record.Id, record.TimestampNs, record.Message), await FindAsync(record.Id));
        }

        Assert.Null(await Store.GetAsync(RecordIds.New(Base + (5 * Ms)), Ct)); // same millisecond, no such record
        Assert.Null(await Store.GetAsync(RecordIds.New(Base + (7 * Ms)), Ct));
    }

    [Fact]
    public async Task A_record_whose_id_tells_another_time_is_found_by_its_id_term()
    {
        var elsewhere = Record(Base + (3 * Ms), "stamped later than its id says", id: RecordIds.New(Base));
        await Store.AppendAsync([elsewhere, Record(Base, "the id's own millisecond")], Ct);

        Assert.Equal((elsewhere.Id, elsewhere.TimestampNs, elsewhere.Message), await FindAsync(elsewhere.Id));
        Assert.Equal(["stamped later than its id says"], await MessagesAsync($"id:\"{elsewhere.Id}\""));
    }

    [Fact]
    public async Task Pages_and_context_order_ties_on_time_by_id_with_production_ids()
    {
        var records = Enumerable.Range(0, 60).Select(i => Record(Base + ((i / 6) * 1_000), $"tied {i}")).ToArray();
        new Random(3).Shuffle(records);
        await Store.AppendAsync(records, Ct);
        var expected = records.OrderByDescending(r => r.TimestampNs).ThenByDescending(r => r.Id, StringComparer.Ordinal).Select(r => r.Id).ToList();

        var seen = new List<string>();
        var query = new LogQuery("tied", Base, Base + Ms, Limit: 7);
        for (var result = await Store.SearchAsync(query, Ct); ; result = await Store.SearchAsync(query, Ct))
        {
            seen.AddRange(result.Hits.Select(h => h.Record.Id));
            if (result.Next is null) break;
            query = query with { After = result.Next };
        }

        Assert.Equal(expected, seen);
        var middle = expected.Count / 2;
        var context = await Store.ContextAsync(expected[middle], 3, 2, Ct);
        Assert.Equal(expected.Skip(middle - 2).Take(6).Reverse(), context.Select(r => r.Id));
    }

    [Theory]
    [InlineData("message.keyword:\"User login succeeded\"", new[] { "User login succeeded" })]
    [InlineData("message.keyword:\"user login succeeded\"", new[] { "user login succeeded" })]
    [InlineData("message.keyword:\"user login succeeded!\"", new[] { "user login succeeded!" })]
    [InlineData("message.keyword:\"user login\"", new string[0])]
    [InlineData("message.keyword:\"---\"", new[] { "---" })]
    [InlineData("message.keyword:\"--\"", new string[0])]
    [InlineData("message.keyword:\"user  login succeeded\"", new string[0])]
    public async Task An_exact_message_query_matches_the_whole_message_case_and_punctuation_included(string query, string[] expected)
    {
        await Store.AppendAsync(
            [.. new[] { "User login succeeded", "user login succeeded", "user login succeeded!", "---", "user login succeeded twice" }
                .Select((m, i) => Record(Base + i, m))], Ct);

        Assert.Equal(expected, await MessagesAsync(query));
    }

    [Fact]
    public async Task Messages_longer_than_the_keyword_limit_have_no_exact_match()
    {
        var longest = new string('x', ExactMessageQuery.MaxLength);
        await Store.AppendAsync([Record(Base, longest), Record(Base + 1, longest + "y")], Ct);

        Assert.Equal([longest], await MessagesAsync($"message.keyword:\"{longest}\""));
        Assert.Empty(await MessagesAsync($"message.keyword:\"{longest}y\""));
    }

    [Theory]
    [InlineData("message.keyword:user*")]
    [InlineData("message.keyword:*")]
    [InlineData("message.keyword:[a TO z]")]
    [InlineData("message.keyword:usr~1")]
    [InlineData("id:AZr*")]
    [InlineData("id:[a TO b]")]
    public async Task Patterns_and_ranges_over_whole_values_are_refused_naming_the_field(string query)
    {
        var error = await Assert.ThrowsAsync<LogQueryException>(() => Store.SearchAsync(new LogQuery(query, Base, Base + Ms), Ct));

        Assert.Contains("matches one whole value exactly", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Id_values_are_counted_from_the_keys()
    {
        var records = new[] { Record(Base, "a"), Record(Base + 1, "b", id: "named") };
        await Store.AppendAsync(records, Ct);

        var values = await Store.ValuesAsync("id", new LogQuery(null, Base, Base + Ms), 10, Ct);

        Assert.Equal(records.Select(r => r.Id).Order(StringComparer.Ordinal), values.Select(v => v.Value));
        Assert.All(values, v => Assert.Equal(1, v.Records));
    }
}
