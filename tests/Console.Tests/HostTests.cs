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
}
