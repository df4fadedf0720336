using AirisEpm.MetricsService.Query;
using AirisEpm.MetricsService.Storage;

namespace AirisEpm.MetricsService.Tests.Query;

public sealed class RangeQueryParserTests
{
    private static readonly QueryOptions Options = new() { MaxPointsPerSeries = 11_000 };

    private static RangeQueryParameters Params(
        string? name = "up", string[]? match = null, string? start = "1700000000", string? end = "1700086400",
        string? step = "1m", string? agg = null, string? groupBy = null, string? fn = null, string? tier = null) =>
        new(name, match ?? [], start, end, step, agg, groupBy, fn, tier);

    [Fact]
    public void A_good_query_parses_and_reads_raw_samples()
    {
        var query = RangeQueryParser.Parse(Params(match: ["{job=\"api\"}"], agg: "max", groupBy: "job,code", fn: "rate"), Options, out var errors);

        Assert.Empty(errors);
        Assert.NotNull(query);
        Assert.Equal(StorageTier.Raw, query.Tier);
        Assert.Equal(Aggregation.Max, query.Aggregation);
        Assert.Equal(["job", "code"], query.GroupBy);
        Assert.Equal(CounterFunction.Rate, query.Function);
        Assert.Equal(["job=\"api\""], query.Matchers.Select(m => m.ToString()));
        Assert.Equal(1441, query.Buckets);
    }

    [Fact]
    public void A_tier_can_be_asked_for_and_a_name_in_the_selector_is_the_name()
    {
        var query = RangeQueryParser.Parse(Params(name: null, match: ["up{job=\"api\"}"], tier: "1h"), Options, out _);

        Assert.Equal(StorageTier.Hour, query!.Tier);
        Assert.Equal("up", query.Name);
        Assert.Equal(["job=\"api\""], query.Matchers.Select(m => m.ToString()));
    }

    [Theory]
    [InlineData("start", "1700086401", "1700086400", "1m", null, null, null, "start")]
    [InlineData("points", "1700000000", "1700086400", "1s", null, null, null, "step")]
    [InlineData("agg", "1700000000", "1700086400", "1m", "median", null, null, "agg")]
    [InlineData("tier", "1700000000", "1700086400", "1m", null, "5m", null, "tier")]
    [InlineData("fn", "1700000000", "1700086400", "1m", null, null, "deriv", "fn")]
    [InlineData("quantile on rollup", "1700000000", "1700086400", "1m", "p99", "1m", null, "agg")]
    [InlineData("bad step", "1700000000", "1700086400", "soon", null, null, null, "step")]
    [InlineData("bad end", "1700000000", "tomorrow", "1m", null, null, null, "end")]
    [InlineData("zero step", "1700000000", "1700086400", "0", null, null, null, "step")]
    [InlineData("negative step", "1700000000", "1700086400", "-5", null, null, null, "step")]
    [InlineData("NaN step", "1700000000", "1700086400", "NaN", null, null, null, "step")]
    public void Bad_input_names_the_field(string _, string start, string end, string step, string? agg, string? tier, string? fn, string field)
    {
        var query = RangeQueryParser.Parse(Params(start: start, end: end, step: step, agg: agg, tier: tier, fn: fn), Options, out var errors);

        Assert.Null(query);
        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void Too_many_points_names_the_limit()
    {
        RangeQueryParser.Parse(Params(step: "1s"), Options, out var errors);

        Assert.Contains("11000", errors["step"][0]);
    }

    [Fact]
    public void Invalid_regex_and_missing_selector_are_reported()
    {
        RangeQueryParser.Parse(Params(name: null, match: ["{code=~\"(\"}"]), Options, out var errors);

        Assert.Contains("match[]", errors.Keys);
        Assert.Contains("name", errors.Keys);
    }
}
