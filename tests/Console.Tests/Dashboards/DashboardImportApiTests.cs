using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AirisEpm.Console.Tests.Dashboards.Grafana;
using AirisEpm.Console.Tests.Dashboards.Support;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.WebConsole.Dashboards;
using AirisEpm.WebConsole.Dashboards.Grafana;
using CsCheck;

namespace AirisEpm.Console.Tests.Dashboards;

/// <summary>POST /api/dashboards/import on the real console: preview for viewers, save for editors, 400 for what is not a dashboard.</summary>
public sealed class DashboardImportApiTests(ConsoleMeshFixture mesh) : IClassFixture<ConsoleMeshFixture>
{
    private const string ImportPath = DashboardsApi.Path + "/import";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_viewer_previews_an_import_and_nothing_is_stored()
    {
        var viewer = mesh.Client(Permissions.MetricsRead);
        var before = await viewer.GetFromJsonAsync<List<DashboardSummary>>(DashboardsApi.Path, Ct);

        using var response = await viewer.PostAsync(ImportPath, Fixture("modern-schema39"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = (await response.Content.ReadFromJsonAsync<GrafanaImportResponse>(Ct))!;
        Assert.Equal(("", "Service overview", 7), (preview.Dashboard.Id, preview.Dashboard.Title, preview.Dashboard.Panels.Count));
        Assert.Contains(preview.Unmapped, u => u is { Path: "panels[3]", Reason: "panel type piechart is not supported (panel 'Status codes')" });
        Assert.Equal(before!.Count, (await viewer.GetFromJsonAsync<List<DashboardSummary>>(DashboardsApi.Path, Ct))!.Count);
    }

    [Fact]
    public async Task An_editor_saves_an_import_as_a_new_dashboard()
    {
        var editor = mesh.Client(Permissions.MetricsRead, Permissions.AlertsWrite);

        using var response = await editor.PostAsync(ImportPath + "?save=true", Fixture("rows-schema14"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = (await response.Content.ReadFromJsonAsync<GrafanaImportResponse>(Ct))!;
        Assert.True(DashboardIds.IsValid(saved.Dashboard.Id));
        Assert.Equal(1, saved.Dashboard.Version);
        Assert.NotEmpty(saved.Unmapped);
        Assert.Equal(new Uri($"{DashboardsApi.Path}/{saved.Dashboard.Id}", UriKind.Relative), response.Headers.Location);
        var stored = (await editor.GetFromJsonAsync<Dashboard>($"{DashboardsApi.Path}/{saved.Dashboard.Id}", Ct))!;
        Assert.Equal(JsonSerializer.Serialize(saved.Dashboard), JsonSerializer.Serialize(stored));
    }

    [Fact]
    public async Task Saving_an_import_needs_alerts_write()
    {
        using var response = await mesh.Client(Permissions.MetricsRead).PostAsync(ImportPath + "?save=true", Fixture("rows-schema14"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(Permissions.AlertsWrite, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"title\": ", "Malformed JSON")]
    [InlineData("", "Malformed JSON")]
    [InlineData("[1, 2, 3]", "Not a Grafana dashboard this console can import")]
    [InlineData("{\"dashboard\": {\"panels\": 5}}", "Not a Grafana dashboard this console can import")]
    public async Task A_body_that_is_not_a_grafana_dashboard_is_answered_400_saying_why(string body, string title)
    {
        using var response = await mesh.Client(Permissions.MetricsRead).PostAsync(ImportPath, Json(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_save_flag_that_is_not_a_boolean_is_answered_400()
    {
        using var response = await mesh.Client(Permissions.MetricsRead, Permissions.AlertsWrite).PostAsync(ImportPath + "?save=maybe", Fixture("rows-schema14"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void Random_and_broken_bodies_are_answered_200_or_400_never_500()
    {
        var client = mesh.Client(Permissions.MetricsRead);
        var valid = Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(GrafanaFixtures.Folder, "modern-schema39.json")));
        var broken = Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte).Array[1, 5].Select(edits =>
        {
            var bytes = (byte[])valid.Clone();
            foreach (var (at, value) in edits) bytes[at] = value;
            return bytes;
        });
        var generated = GrafanaJsonGen.Dashboard.Select(n => Encoding.UTF8.GetBytes(n?.ToJsonString() ?? "null"));

        Gen.OneOf(broken, generated).Sample(body =>
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = client.PostAsync(ImportPath, content, Ct).GetAwaiter().GetResult();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        }, iter: 150, threads: 2);
    }

    private static StringContent Fixture(string name) => Json(File.ReadAllText(Path.Combine(GrafanaFixtures.Folder, name + ".json")));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
