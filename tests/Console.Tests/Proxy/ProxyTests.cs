using System.Net;
using System.Text;
using AirisEpm.Console.Tests.Support;
using AirisEpm.TestSupport;

namespace AirisEpm.Console.Tests.Proxy;

public sealed class ProxyTests(ConsoleWorld world) : IClassFixture<ConsoleWorld>
{
    [Fact]
    public async Task A_get_reaches_the_service_with_its_raw_path_and_query_and_a_token_for_the_person()
    {
        var (name, client) = await world.UserAsync("viewer");
        using (client)
        {
            using var response = await client.GetAsync("/api/metrics/api/v1/query?query=up%7Bjob%3D%22a%2Fb%22%7D&time=1");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var echo = await ConsoleClient.JsonAsync(response);
            Assert.Equal("GET", echo.GetProperty("method").GetString());
            Assert.Equal("/api/v1/query?query=up%7Bjob%3D%22a%2Fb%22%7D&time=1", echo.GetProperty("target").GetString());
            Assert.Equal(name, echo.GetProperty("sub").GetString());
            Assert.Equal(["metrics-service"], echo.GetProperty("audiences").EnumerateArray().Select(a => a.GetString()));
            var permissions = echo.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ToList();
            Assert.Contains("metrics:read", permissions);
            Assert.DoesNotContain("alerts:write", permissions);
            Assert.InRange(echo.GetProperty("lifetimeSeconds").GetDouble(), 60, 360);
            var headers = echo.GetProperty("headers").EnumerateArray().Select(h => h.GetString()).ToList();
            Assert.DoesNotContain("cookie", headers);
            Assert.DoesNotContain("x-xsrf-token", headers);
        }
    }

    [Fact]
    public async Task A_post_passes_its_body_and_content_type_and_the_editors_permissions()
    {
        var (_, client) = await world.UserAsync("editor");
        using (client)
        {
            using var response = await client.PostRawAsync("/api/alerts/api/v2/silences", "{\"comment\":\"x\"}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var echo = await ConsoleClient.JsonAsync(response);
            Assert.Equal("POST", echo.GetProperty("method").GetString());
            Assert.Equal("/api/v2/silences", echo.GetProperty("target").GetString());
            Assert.Equal("{\"comment\":\"x\"}", echo.GetProperty("body").GetString());
            Assert.StartsWith("application/json", echo.GetProperty("contentType").GetString(), StringComparison.Ordinal);
            Assert.Contains("alerts:write", echo.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        }
    }

    [Fact]
    public async Task A_change_through_the_proxy_needs_the_antiforgery_header()
    {
        var (_, client) = await world.UserAsync("editor");
        using (client)
        {
            client.SendsAntiforgery = false;
            using var response = await client.PostRawAsync("/api/alerts/api/v2/silences", "{}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_services_status_and_problem_details_come_back_as_they_are()
    {
        using var client = await world.AdminAsync();
        using var response = await client.GetAsync("/api/alerts/forbidden");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("needs alerts:write", (await ConsoleClient.JsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Server_sent_events_pass_through_unbuffered()
    {
        using var client = await world.AdminAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/metrics/events");
        using var response = await client.SendAsync(request);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(ConsoleClient.Ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ConsoleClient.Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        // The second event is held back by the service until the first has reached the page.
        Assert.Equal("data: one", await reader.ReadLineAsync(timeout.Token));
        world.Metrics.ReleaseSecondEvent();
        Assert.Equal("", await reader.ReadLineAsync(timeout.Token));
        Assert.Equal("data: two", await reader.ReadLineAsync(timeout.Token));
    }

    [Fact]
    public async Task Server_sent_events_stay_unbuffered_and_uncompressed_when_the_browser_accepts_gzip()
    {
        using var client = await world.AdminAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/metrics/events");
        // What chromium sends with every EventSource: compression would hold events back until a block fills.
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br, zstd");
        request.Headers.TryAddWithoutValidation("Accept", "text/event-stream");
        using var response = await client.SendAsync(request);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        await using var stream = await response.Content.ReadAsStreamAsync(ConsoleClient.Ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ConsoleClient.Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        Assert.Equal("data: one", await reader.ReadLineAsync(timeout.Token));
        world.Metrics.ReleaseSecondEvent();
        Assert.Equal("", await reader.ReadLineAsync(timeout.Token));
        Assert.Equal("data: two", await reader.ReadLineAsync(timeout.Token));
    }

    [Theory]
    [InlineData("/api/nothing/api/v1/query")]
    [InlineData("/api/metricz")]
    public async Task An_unknown_service_answers_404_problem(string path)
    {
        using var client = await world.AdminAsync();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Unknown service", (await ConsoleClient.JsonAsync(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_service_that_is_not_running_answers_503_naming_it()
    {
        using var client = await world.AdminAsync();
        using var response = await client.GetAsync("/api/logs/loki/api/v1/labels");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await ConsoleClient.JsonAsync(response);
        Assert.Contains("log-service", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("Retry-After"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_limit_answers_413_whether_its_length_is_declared_or_not(bool declared)
    {
        using var client = await world.AdminAsync();
        var bytes = new byte[2 * 1024 * 1024];
        using HttpContent body = declared ? new ByteArrayContent(bytes) : new StreamContent(new MemoryStream(bytes));
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (!declared) body.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/metrics/api/v1/metrics") { Content = body };
        if (!declared) request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("X-XSRF-TOKEN", client.Cookie("XSRF-TOKEN"));
        client.SendsAntiforgery = false;
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_a_session_nothing_is_forwarded()
    {
        using var client = world.Client();
        using var response = await client.GetAsync("/api/metrics/api/v1/query?query=up");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
