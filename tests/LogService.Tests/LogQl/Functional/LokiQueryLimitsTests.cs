using System.Net;
using System.Text;
using System.Text.Json;
using AirisEpm.LogService.Tests.Functional;
using static AirisEpm.LogService.Tests.Functional.LogApiJson;

namespace AirisEpm.LogService.Tests.LogQl.Functional;

/// <summary>A query that would read more records than <c>Logs:LogQl:MaxRecordsScanned</c> answers 422 saying how to narrow it; counts from the index still answer.</summary>
public sealed class LokiQueryLimitsTests(LokiQueryLimitsFixture fixture) : IClassFixture<LokiQueryLimitsFixture>
{
    [Fact]
    public async Task Too_much_work_is_422_in_lokis_shape()
    {
        var query = Uri.EscapeDataString("sum(count_over_time({service_name=\"api\"} |= \"line\" [10m]))");
        var body = await (await fixture.Factory.Reader().GetAsync($"/loki/api/v1/query?query={query}", Ct)).JsonAsync((HttpStatusCode)422);
        Assert.Equal("execution", body.GetProperty("errorType").GetString());
        Assert.Contains("would read more than 1,000 log records", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_from_the_index_are_not_bounded_by_records_read()
    {
        var query = Uri.EscapeDataString("sum(count_over_time({service_name=\"api\"}[10m]))");
        var body = await (await fixture.Factory.Reader().GetAsync($"/loki/api/v1/query?query={query}", Ct)).JsonAsync();
        Assert.Equal("1100", body.GetProperty("data").GetProperty("result")[0].GetProperty("value")[1].GetString());
    }
}

/// <summary>A host allowed to read 1,000 records per query, holding 1,100.</summary>
public sealed class LokiQueryLimitsFixture : IAsyncLifetime
{
    public LogServiceFactory Factory { get; } = (LogServiceFactory)new LogServiceFactory().With("Logs:LogQl:MaxRecordsScanned", "1000");

    public async ValueTask InitializeAsync()
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        var startNs = (start - DateTimeOffset.UnixEpoch).Ticks * 100;
        var lines = Enumerable.Range(0, 1_100).Select(i => JsonSerializer.Serialize(new { timestamp = start.AddMilliseconds(i * 10), message = $"line {i}", service = "api" }));
        var response = await Factory.Writer().PostAsync("/api/v1/logs", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Factory.Reader().SearchUntilAsync("q=line&limit=1000&start=" + startNs, 1_000);
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
