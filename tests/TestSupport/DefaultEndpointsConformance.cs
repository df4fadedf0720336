using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace AirisEpm.TestSupport;

/// <summary>
/// What every AIRIS service must do before any of its own features: start without a sidecar,
/// answer liveness, report health and metrics, guard its API, cap bodies, send security headers,
/// and refuse to start insecurely. Each service's tests derive from this once.
/// </summary>
public abstract class DefaultEndpointsConformance<TEntryPoint>(string readPermission, string otherPermission)
    where TEntryPoint : class
{
    protected virtual ServiceFactory<TEntryPoint> CreateFactory() => new();

    /// <summary>A POST endpoint of the service that needs a write permission, for the 413 check.</summary>
    protected abstract (string Path, string Permission) WriteEndpoint { get; }

    [Fact]
    public async Task Liveness_answers_200_without_a_sidecar()
    {
        await using var factory = CreateFactory();
        var response = await factory.CreateClient().GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_reports_the_missing_sidecar_as_unhealthy()
    {
        await using var factory = CreateFactory();
        var client = factory.CreateClient().WithToken(readPermission);
        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
        var sidecar = json.RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "dapr-sidecar");
        Assert.Equal("Unhealthy", sidecar.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Metrics_are_served_as_prometheus_text()
    {
        await using var factory = CreateFactory();
        var client = factory.CreateClient();
        await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("# TYPE ", text);
    }

    [Fact]
    public async Task Protected_endpoint_without_a_token_answers_401_problem()
    {
        await using var factory = CreateFactory();
        var response = await factory.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Token_without_the_permission_answers_403_problem()
    {
        await using var factory = CreateFactory();
        var client = factory.CreateClient().WithToken(otherPermission);
        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Body_over_the_limit_answers_413_problem()
    {
        await using var factory = CreateFactory().With("Http:MaxRequestBodyBytes", "1024");
        var client = factory.CreateClient().WithToken(WriteEndpoint.Permission);
        using var body = new ByteArrayContent(new byte[1024 * 1024]);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await client.PostAsync(WriteEndpoint.Path, body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Security_headers_are_present()
    {
        await using var factory = CreateFactory();
        var response = await factory.CreateClient().GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Outside_development_hsts_is_sent()
    {
        await using var factory = CreateFactory().With("Auth:SigningKey", new string('k', 48));
        factory.EnvironmentName = "Production";
        var response = await factory.CreateClient().GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Outside_development_it_refuses_to_start_with_auth_disabled()
    {
        await using var factory = CreateFactory().With("Auth:Enabled", "false").With("Auth:SigningKey", new string('k', 48));
        factory.EnvironmentName = "Production";
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        AssertRefusedBecause(factory, error, "Auth:Enabled=false");
    }

    [Fact]
    public async Task Outside_development_it_refuses_to_start_with_the_development_key()
    {
        await using var factory = CreateFactory().With("Auth:SigningKey", AirisEpm.ServiceDefaults.Security.AuthOptions.DevelopmentSigningKey);
        factory.EnvironmentName = "Staging";
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        AssertRefusedBecause(factory, error, "development key");
    }

    [Fact]
    public async Task In_development_auth_can_be_disabled()
    {
        await using var factory = CreateFactory().With("Auth:Enabled", "false");
        var response = await factory.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Api_description_is_served()
    {
        await using var factory = CreateFactory();
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"openapi\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>
    /// The reason is in the start exception, or (when the host's teardown races the factory and
    /// surfaces an ObjectDisposedException instead) in the "Hosting failed to start" log entry.
    /// </summary>
    private static void AssertRefusedBecause(ServiceFactory<TEntryPoint> factory, Exception error, string reason) =>
        Assert.True(Flatten(error).Contains(reason, StringComparison.Ordinal) || factory.Logs.Contain(reason),
            $"expected the refusal to mention '{reason}'; got: {Flatten(error)}");

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(e => e.Message))
            : error.Message + " | " + error.InnerException?.Message;
}
