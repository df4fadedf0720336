using AirisEpm.Console.Tests.Support;

namespace AirisEpm.Console.Tests;

public sealed class HostTests(ConsoleFactory factory) : IClassFixture<ConsoleFactory>
{
    [Fact]
    public async Task The_console_answers_its_liveness_probe_without_a_session()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_sidecar_the_session_answers_503_naming_the_state_store_never_500()
    {
        var client = factory.CreateClient();
        using var session = await client.GetAsync(new Uri("/api/session", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, session.StatusCode);
        Assert.Equal("application/problem+json", session.Content.Headers.ContentType?.MediaType);
        Assert.Contains("statestore", await session.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(session.Headers.Contains("Retry-After"));
    }
}
