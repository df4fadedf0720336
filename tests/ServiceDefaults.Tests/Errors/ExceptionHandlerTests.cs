using System.Net;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Batching;
using AirisEpm.ServiceDefaults.Errors;
using AirisEpm.ServiceDefaults.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace AirisEpm.ServiceDefaults.Tests.Errors;

public sealed class ExceptionHandlerTests
{
    private static Task<WebApplication> StartAsync() => TestApp.StartAsync(app =>
    {
        app.MapGet("/json", IResult () => throw new JsonException("'}' is invalid after a property name."));
        app.MapGet("/full", IResult () => throw new BackpressureException("buffer full", 429, TimeSpan.FromSeconds(2.2)));
        app.MapGet("/failing", IResult () => throw new BackpressureException("store down", 503, TimeSpan.FromSeconds(5)));
        app.MapGet("/dependency", IResult () => throw new DependencyUnavailableException("the engine actor did not answer", TimeSpan.FromSeconds(1.5)));
        app.MapGet("/bug", IResult () => throw new InvalidOperationException("secret internal detail"));
    });

    [Fact]
    public async Task A_json_exception_answers_400_problem_with_the_reason()
    {
        await using var app = await StartAsync();
        var response = await app.GetTestClient().GetAsync("/json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("Malformed JSON", problem.GetProperty("title").GetString());
        Assert.Contains("property name", problem.GetProperty("detail").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Theory]
    [InlineData("/full", HttpStatusCode.TooManyRequests, "3")]
    [InlineData("/failing", HttpStatusCode.ServiceUnavailable, "5")]
    [InlineData("/dependency", HttpStatusCode.ServiceUnavailable, "2")]
    public async Task Backpressure_and_unavailable_dependencies_answer_their_status_with_retry_after_in_whole_seconds(string path, HttpStatusCode status, string retryAfter)
    {
        await using var app = await StartAsync();
        var response = await app.GetTestClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(retryAfter, response.Headers.GetValues("Retry-After").Single());
        Assert.Equal((int)status, (await ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Any_other_exception_is_a_500_problem_without_internals()
    {
        await using var app = await StartAsync();
        var response = await app.GetTestClient().GetAsync("/bug", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("secret internal detail", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.Clone();
    }
}
