using AirisEpm.MetricsService.Storage;
using Matcher = AirisEpm.PromQl.Model.Matcher;
using MatchOp = AirisEpm.PromQl.Model.MatchOp;

namespace AirisEpm.MetricsService.Tests.Storage;

/// <summary>
/// Label matching as Prometheus defines it, done by each store where it selects series (in SQL for ClickHouse):
/// empty values, anchoring, metric-name matchers, several matchers, and values that need escaping.
/// </summary>
public abstract partial class MetricStoreConformance
{
    private static readonly (string Name, string Value)[] Awkward = [("id", "q"), ("path", "it's \"quoted\" \\ {p0:String} ü\ttab\nline")];

    private async Task WriteRequestsAsync() => await Store.WriteAsync(
    [
        Sample("req", Base, 1, ("id", "a"), ("job", "api"), ("code", "200")),
        Sample("req", Base, 1, ("id", "b"), ("job", "api"), ("code", "500")),
        Sample("req", Base, 1, ("id", "c"), ("job", "web"), ("code", "503")),
        Sample("req", Base, 1, ("id", "d"), ("job", "api")),
        Sample("other", Base, 1, ("id", "e"), ("job", "api"), ("code", "500")),
        Sample("req", Base, 1, Awkward),
    ], Ct);

    private async Task<string> FoundAsync(string? name, params Matcher[] matchers) =>
        string.Join(',', (await Store.FindSeriesAsync(new SeriesSelector(name, matchers), Ct)).Select(s => s.Labels["id"]).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("code", MatchOp.NotEqual, "", "a,b,c")]
    [InlineData("code", MatchOp.Regex, "", "d,q")]
    [InlineData("code", MatchOp.NotRegex, "", "a,b,c")]
    [InlineData("code", MatchOp.Regex, "50", "")]
    [InlineData("code", MatchOp.Regex, "0", "")]
    [InlineData("code", MatchOp.Regex, ".*0.*", "a,b,c")]
    [InlineData("code", MatchOp.NotEqual, "500", "a,c,d,q")]
    [InlineData("code", MatchOp.Regex, "500|", "b,d,q")]
    [InlineData("job", MatchOp.Regex, "API", "")]
    [InlineData("job", MatchOp.Regex, "(?i)API", "a,b,d")]
    [InlineData("absent", MatchOp.Equal, "", "a,b,c,d,q")]
    [InlineData("absent", MatchOp.NotRegex, ".+", "a,b,c,d,q")]
    public async Task Empty_values_and_anchoring_follow_prometheus(string label, MatchOp op, string value, string expected)
    {
        await WriteRequestsAsync();

        Assert.Equal(expected, await FoundAsync("req", Matcher.Create(label, op, value)));
    }

    [Fact]
    public async Task Several_matchers_all_have_to_hold()
    {
        await WriteRequestsAsync();

        Assert.Equal("b", await FoundAsync("req", Matcher.Create("job", MatchOp.Equal, "api"), Matcher.Create("code", MatchOp.Regex, "5.."), Matcher.Create("id", MatchOp.NotEqual, "z")));
        Assert.Equal("", await FoundAsync("req", Matcher.Create("job", MatchOp.Equal, "api"), Matcher.Create("job", MatchOp.Equal, "web")));
    }

    [Fact]
    public async Task The_metric_name_is_matched_as_the___name___label()
    {
        await WriteRequestsAsync();

        Assert.Equal("b,e", await FoundAsync(null, Matcher.Create("__name__", MatchOp.Regex, "req|oth.*"), Matcher.Create("code", MatchOp.Equal, "500")));
        Assert.Equal("e", await FoundAsync(null, Matcher.Create("__name__", MatchOp.Equal, "other")));
        Assert.Equal("a,b,c,d,q", await FoundAsync(null, Matcher.Create("__name__", MatchOp.NotEqual, "other")));
        Assert.Equal("", await FoundAsync("req", Matcher.Create("__name__", MatchOp.Equal, "other")));
        Assert.Equal("", await FoundAsync(null, Matcher.Create("__name__", MatchOp.Regex, "re")));
    }

    [Fact]
    public async Task Values_with_quotes_backslashes_braces_and_newlines_match_exactly()
    {
        await WriteRequestsAsync();
        var path = Awkward[1].Value;

        Assert.Equal("q", await FoundAsync("req", Matcher.Create("path", MatchOp.Equal, path)));
        Assert.Equal("", await FoundAsync("req", Matcher.Create("path", MatchOp.Equal, path[..^1])));
        Assert.Equal("q", await FoundAsync("req", Matcher.Create("path", MatchOp.Regex, "it's .*line")));
        Assert.Equal("q", await FoundAsync("req", Matcher.Create("path", MatchOp.Regex, @"it's ""quoted"" \\ \{p0:String\} ü\ttab\nline")));
        Assert.Equal("a,b,c,d", await FoundAsync("req", Matcher.Create("path", MatchOp.NotEqual, path)));
        var found = Assert.Single(await Store.FindSeriesAsync(new SeriesSelector("req", [Matcher.Create("path", MatchOp.Regex, ".+")]), Ct));
        Assert.Equal(path, found.Labels["path"]);
    }
}
