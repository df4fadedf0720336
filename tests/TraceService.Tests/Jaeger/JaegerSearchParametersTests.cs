using AirisEpm.TraceService.Apis.Jaeger;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace AirisEpm.TraceService.Tests.Jaeger;

public sealed class JaegerSearchParametersTests
{
    private const long NowNs = 1_800_000_000_000_000_000;

    [Fact]
    public void Reads_every_search_parameter()
    {
        var p = Parse("service=checkout&operation=GET%20/cart&tags=%7B%22http.status_code%22%3A%22500%22%7D&tag=region:eu&minDuration=1.5ms&maxDuration=2s&start=1700000000000000&end=1700000060000000&limit=5");

        Assert.Equal("checkout", p.Query.Service);
        Assert.Equal("GET /cart", p.Query.Operation);
        Assert.Equal(new Dictionary<string, string> { ["http.status_code"] = "500", ["region"] = "eu" }, p.Query.Tags);
        Assert.Equal(1_500_000, p.Query.MinDurationNs);
        Assert.Equal(2_000_000_000, p.Query.MaxDurationNs);
        Assert.Equal(1_700_000_000_000_000_000, p.Query.StartNs);
        Assert.Equal(1_700_000_060_000_000_001, p.Query.EndNs); // Jaeger's end is inclusive; the store's window is half-open
        Assert.Equal(5, p.Query.Limit);
        Assert.Empty(p.TraceIds);
    }

    [Fact]
    public void Defaults_to_the_last_hour_and_jaegers_limit()
    {
        var p = Parse("service=a");
        Assert.Equal(NowNs - 3_600_000_000_000, p.Query.StartNs);
        Assert.Equal(NowNs + 1, p.Query.EndNs);
        Assert.Equal(JaegerSearchParameters.DefaultLimit, p.Query.Limit);
        Assert.Equal(NowNs - 60_000_000_000, Parse("service=a&lookback=1m").Query.StartNs);
        Assert.Equal(JaegerSearchParameters.MaxLimit, Parse("service=a&limit=999999").Query.Limit);
    }

    [Fact]
    public void Trace_ids_replace_the_search_and_are_padded_to_128_bits()
    {
        var p = Parse("traceID=ABCDEF0123456789&traceID=00000000000000000000000000000001");
        Assert.Equal(["0000000000000000abcdef0123456789", "00000000000000000000000000000001"], p.TraceIds);
    }

    [Theory]
    [InlineData("", "parameter 'service' is required")]
    [InlineData("service=a&minDuration=abc", "cannot parse minDuration")]
    [InlineData("service=a&minDuration=2s&maxDuration=1s", "'maxDuration' should be greater than 'minDuration'")]
    [InlineData("service=a&limit=-1", "'limit'")]
    [InlineData("service=a&start=yesterday", "'start'")]
    [InlineData("service=a&start=20&end=10", "start must not be after end")]
    [InlineData("service=a&tag=novalue", "malformed 'tag' parameter")]
    [InlineData("service=a&tags=%5B1%5D", "malformed 'tags' parameter")]
    [InlineData("service=a&tags=%7B%22a%22%3A1%7D", "value of 'a' is not a string")]
    [InlineData("service=a&tags=%7Bbroken", "cannot unmarshal JSON")]
    [InlineData("traceID=xyz", "malformed trace id 'xyz'")]
    [InlineData("traceID=000000000000000000000000000000001", "1 to 32 hex digits")]
    public void Refuses_bad_parameters_naming_them(string query, string expected)
    {
        var e = Assert.Throws<JaegerParameterException>(() => Parse(query));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    private static JaegerSearchParameters Parse(string query) =>
        JaegerSearchParameters.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)), NowNs);
}
