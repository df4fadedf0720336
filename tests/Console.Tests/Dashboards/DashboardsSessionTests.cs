using System.Net;
using AirisEpm.Console.Tests.Support;

namespace AirisEpm.Console.Tests.Dashboards;

/// <summary>The page calls the dashboards API with its session cookie, not a token: the roles decide as for the services.</summary>
public sealed class DashboardsSessionTests(ConsoleWorld world) : IClassFixture<ConsoleWorld>
{
    private static readonly object Dashboard = new
    {
        title = "Checkout",
        time = new { from = "now-6h", to = "now" },
        panels = new[]
        {
            new { id = 1, title = "Requests", type = "timeseries", grid = new { x = 0, y = 0, w = 12, h = 8 }, queries = new[] { new { refId = "A", expr = "sum(rate(http_requests_total[5m]))" } } },
        },
    };

    [Fact]
    public async Task A_signed_in_viewer_reads_dashboards_and_cannot_change_them()
    {
        var (_, viewer) = await world.UserAsync("viewer");
        using (viewer)
        {
            using var list = await viewer.GetAsync("/api/dashboards");
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            using var create = await viewer.PostJsonAsync("/api/dashboards", Dashboard);
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        }
    }

    [Fact]
    public async Task A_signed_in_editor_saves_a_dashboard()
    {
        var (_, editor) = await world.UserAsync("editor");
        using (editor)
        {
            using var create = await editor.PostJsonAsync("/api/dashboards", Dashboard);
            Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        }
    }

    [Fact]
    public async Task Without_a_session_the_dashboards_are_closed()
    {
        using var anonymous = world.Client();
        using var list = await anonymous.GetAsync("/api/dashboards");
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
    }
}
