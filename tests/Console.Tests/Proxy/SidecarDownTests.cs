using System.Net;
using AirisEpm.Console.Tests.Support;
using AirisEpm.TestSupport;

namespace AirisEpm.Console.Tests.Proxy;

/// <summary>The console's own sidecar stops after sign-in: calls to the services answer 502 naming the sidecar.</summary>
public sealed class SidecarDownTests(ConsoleWorld world) : IClassFixture<ConsoleWorld>
{
    [Fact]
    public async Task An_unreachable_sidecar_answers_502_problem()
    {
        using var client = await world.AdminAsync();
        await world.Console.Sidecar.DisposeAsync();

        using var response = await client.GetAsync("/api/metrics/api/v1/query?query=up");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var detail = (await ConsoleClient.JsonAsync(response)).GetProperty("detail").GetString();
        Assert.Contains("sidecar", detail, StringComparison.Ordinal);
        Assert.Contains(world.Console.Sidecar.HttpEndpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), detail, StringComparison.Ordinal);
    }
}
