using System.Net;
using System.Text;
using static AirisEpm.LogService.Tests.Functional.LogApiJson;

namespace AirisEpm.LogService.Tests.Functional;

public sealed class LogFacetsApiTests : IAsyncLifetime
{
    private readonly LogServiceFactory _factory = new();

    public async ValueTask InitializeAsync()
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var lines = Enumerable.Range(0, 24).Select(i => System.Text.Json.JsonSerializer.Serialize(new
        {
            timestamp = start.AddSeconds(i * 10),
            level = i % 4 == 0 ? "error" : "info",
            message = $"order {i} shipped",
            service = i % 3 == 0 ? "billing" : "shipping",
            region = i % 2 == 0 ? "eu" : "us",
        }));
        var response = await _factory.Writer().PostAsync("/api/v1/logs", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _factory.Reader().SearchUntilAsync("q=shipped&limit=100", 24);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static long Count(System.Text.Json.JsonElement facets, string field, string value) =>
        facets.EnumerateArray().Single(f => f.GetProperty("field").GetString() == field).GetProperty("values").EnumerateArray()
            .Single(v => v.GetProperty("value").GetString() == value).GetProperty("records").GetInt64();

    [Fact]
    public async Task Each_named_field_is_counted_over_the_matching_records()
    {
        var facets = await (await _factory.Reader().GetAsync("/api/v1/logs/facets?q=shipped&field=service&field=level&field=region", Ct)).JsonAsync();

        Assert.Equal(["service", "level", "region"], facets.EnumerateArray().Select(f => f.GetProperty("field").GetString()));
        Assert.Equal(8, Count(facets, "service", "billing"));
        Assert.Equal(16, Count(facets, "service", "shipping"));
        Assert.Equal(6, Count(facets, "level", "error"));
        Assert.Equal(12, Count(facets, "region", "eu"));
    }

    [Fact]
    public async Task The_search_filters_and_exclusions_narrow_every_facet()
    {
        var facets = await (await _factory.Reader().GetAsync("/api/v1/logs/facets?q=shipped%20-region:us&level=error&field=service&field=region", Ct)).JsonAsync();

        // Errors are i % 4 == 0, all even, so all in eu; billing among them is i % 12 == 0 (0 and 12).
        Assert.Equal(6, Count(facets, "region", "eu"));
        Assert.Equal(2, Count(facets, "service", "billing"));
        Assert.Equal(4, Count(facets, "service", "shipping"));
    }

    [Fact]
    public async Task Top_limits_the_values_per_field_most_frequent_first()
    {
        var facets = await (await _factory.Reader().GetAsync("/api/v1/logs/facets?field=service&top=1", Ct)).JsonAsync();

        var values = facets[0].GetProperty("values");
        Assert.Equal(1, values.GetArrayLength());
        Assert.Equal("shipping", values[0].GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("", "field")]
    [InlineData("field=message", "field")]
    [InlineData("field=service&top=0", "top")]
    [InlineData("field=service&top=101", "top")]
    [InlineData("field=service&q=%22unclosed", "q")]
    [InlineData("field=a&field=b&field=c&field=d&field=e&field=f&field=g&field=h&field=i&field=j&field=k&field=l&field=m", "field")]
    [InlineData("field=service&level=loud", "level")]
    public async Task Invalid_requests_are_400_naming_the_parameter(string query, string parameter)
    {
        var problem = await (await _factory.Reader().GetAsync("/api/v1/logs/facets?" + query, Ct)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }
}
