using System.Net;
using AirisEpm.Console.Tests.Support;
using AirisEpm.WebConsole.Spa;

namespace AirisEpm.Console.Tests.Spa;

/// <summary>The built page (web/dist, built by Console.csproj before these tests) served beside the API.</summary>
public sealed class ConsolePageTests(ConsoleFactory factory) : IClassFixture<ConsoleFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/explore/metrics?q=up&from=now-1h&to=now")]
    [InlineData("/dashboards/abc?from=now-6h&to=now")]
    public async Task Page_routes_answer_the_page_with_its_own_content_security_policy(string path)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ConsolePageExtensions.PagePolicy, string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Contains("<div id=\"root\">", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>
    /// /metrics stays the console's own Prometheus endpoint (metrics-service scrapes it through the console's sidecar,
    /// its default target's path), which is why the page's explorer lives at /explore/metrics.
    /// </summary>
    [Fact]
    public async Task The_metrics_path_is_the_prometheus_endpoint_not_the_page()
    {
        var client = factory.CreateClient();
        await client.GetAsync(new Uri("/explore/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<div id=\"root\">", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hashed_assets_are_served_with_a_long_cache_lifetime()
    {
        var client = factory.CreateClient();
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var start = html.IndexOf("/assets/", StringComparison.Ordinal);
        Assert.True(start >= 0, "index.html links no /assets/ file");
        var asset = html[start..html.IndexOf('"', start)];

        using var response = await client.GetAsync(new Uri(asset, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/api/v1/nothing.json")]
    public async Task Unknown_api_paths_stay_json_problems(string path)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        // Without a session the guard answers first (no hint which API paths exist); never the page's HTML.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_missing_file_is_a_404_not_the_page()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/assets/missing-123.js", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_api_keeps_its_strict_policy()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("default-src 'none'; frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
    }
}
