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
        await using var factory = CreateFactory().AsProduction();
        var response = await factory.CreateClient().GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Outside_development_it_refuses_to_start_with_auth_disabled()
    {
        await using var factory = CreateFactory().AsProduction().With("Auth:Enabled", "false");
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        AssertRefusedBecause(factory, error, "Auth:Enabled=false");
    }

    [Fact]
    public async Task Outside_development_it_refuses_to_start_with_the_development_keys()
    {
        await using var factory = CreateFactory().AsProduction("Staging").With("Auth:UseDevelopmentKeys", "true");
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        AssertRefusedBecause(factory, error, "Auth:UseDevelopmentKeys is allowed only in Development");
    }

    [Fact]
    public async Task Outside_development_it_refuses_a_key_set_holding_the_development_key()
    {
        await using var factory = CreateFactory().AsProduction("Staging")
            .With("Auth:Jwks", AirisEpm.ServiceDefaults.Security.DevelopmentKeys.Jwks);
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        AssertRefusedBecause(factory, error, "Auth:Jwks holds the published development key");
    }

    [Fact]
    public async Task Outside_development_it_refuses_to_start_without_an_app_api_token()
    {
        await using var factory = CreateFactory().AsProduction().With("APP_API_TOKEN", null);
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        AssertRefusedBecause(factory, error, "APP_API_TOKEN is not set");
    }

    [Fact]
    public async Task In_development_auth_can_be_disabled()
    {
        await using var factory = CreateFactory().With("Auth:Enabled", "false");
        var response = await factory.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Every_endpoint_but_the_anonymous_list_answers_401_without_credentials()
    {
        await using var factory = CreateFactory().AsProduction();
        var client = factory.CreateClient();
        var open = await EndpointSweep.FindUnguardedAsync(factory.Services, client, TestContext.Current.CancellationToken);
        Assert.True(open.Count == 0, "open to anyone:\n" + string.Join("\n", open));
    }

    [Fact]
    public async Task A_user_token_does_not_open_a_sidecar_route()
    {
        await using var factory = CreateFactory();
        var client = factory.CreateClient().WithToken(AirisEpm.ServiceDefaults.Security.Permissions.Admin);
        var response = await client.GetAsync("/dapr/subscribe", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        var sidecar = await factory.CreateSidecarClient().GetAsync("/dapr/subscribe", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, sidecar.StatusCode);
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
