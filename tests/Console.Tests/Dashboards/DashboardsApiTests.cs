using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AirisEpm.Console.Tests.Dashboards.Support;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using AirisEpm.WebConsole.Dashboards;

namespace AirisEpm.Console.Tests.Dashboards;

/// <summary>/api/dashboards on the real console beside a test sidecar, with the platform's test tokens.</summary>
public sealed class DashboardsApiTests(ConsoleMeshFixture mesh) : IClassFixture<ConsoleMeshFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Editor => mesh.Client(Permissions.MetricsRead, Permissions.AlertsWrite);

    [Fact]
    public async Task A_created_dashboard_is_stored_with_an_id_and_version_1_and_listed()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var response = await Editor.PostAsJsonAsync(DashboardsApi.Path, SampleDashboards.Valid("Created"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<Dashboard>(Ct))!;
        Assert.True(DashboardIds.IsValid(created.Id));
        Assert.Equal(new Uri($"{DashboardsApi.Path}/{created.Id}", UriKind.Relative), response.Headers.Location);
        Assert.Equal((1, "Created"), (created.Version, created.Title));
        Assert.True(created.Updated >= before);

        var read = (await Editor.GetFromJsonAsync<Dashboard>($"{DashboardsApi.Path}/{created.Id}", Ct))!;
        Assert.Equal(JsonSerializer.Serialize(created), JsonSerializer.Serialize(read));
        var list = (await mesh.Client(Permissions.MetricsRead).GetFromJsonAsync<List<DashboardSummary>>(DashboardsApi.Path, Ct))!;
        var summary = Assert.Single(list, s => s.Id == created.Id);
        Assert.Equal("Created", summary.Title);
        Assert.Equal(created.Tags, summary.Tags);
    }

    [Fact]
    public async Task A_save_based_on_an_old_version_is_answered_409_naming_the_current_version()
    {
        var created = await CreateAsync("Versioned");

        using var first = await Editor.PutAsJsonAsync($"{DashboardsApi.Path}/{created.Id}", created with { Title = "Versioned v2" }, Ct);
        using var stale = await Editor.PutAsJsonAsync($"{DashboardsApi.Path}/{created.Id}", created with { Title = "Lost update" }, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await first.Content.ReadFromJsonAsync<Dashboard>(Ct))!.Version);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var problem = await ProblemAsync(stale);
        Assert.Equal(2, problem.RootElement.GetProperty("currentVersion").GetInt32());
        Assert.Contains("version 2", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = (await Editor.GetFromJsonAsync<Dashboard>($"{DashboardsApi.Path}/{created.Id}", Ct))!;
        Assert.Equal(("Versioned v2", 2), (stored.Title, stored.Version));
    }

    [Fact]
    public async Task Of_two_saves_based_on_the_same_version_at_once_exactly_one_wins()
    {
        var created = await CreateAsync("Race");
        var second = mesh.Console.CreateClient().WithToken(Permissions.MetricsRead, Permissions.AlertsWrite);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? Editor : second).PutAsJsonAsync($"{DashboardsApi.Path}/{created.Id}", created with { Title = $"Race {i}" }, Ct)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var stored = (await Editor.GetFromJsonAsync<Dashboard>($"{DashboardsApi.Path}/{created.Id}", Ct))!;
        Assert.Equal(2, stored.Version);
        var winner = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<Dashboard>(Ct);
        Assert.Equal(winner!.Title, stored.Title);
        var listed = (await Editor.GetFromJsonAsync<List<DashboardSummary>>(DashboardsApi.Path, Ct))!;
        Assert.Equal(stored.Title, Assert.Single(listed, s => s.Id == created.Id).Title);
    }

    [Fact]
    public async Task A_deleted_dashboard_is_gone_from_the_store_and_the_list()
    {
        var created = await CreateAsync("Doomed");

        using var deleted = await Editor.DeleteAsync($"{DashboardsApi.Path}/{created.Id}", Ct);
        using var again = await Editor.DeleteAsync($"{DashboardsApi.Path}/{created.Id}", Ct);
        using var read = await Editor.GetAsync($"{DashboardsApi.Path}/{created.Id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal("Dashboard not found", (await ProblemAsync(read)).RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain((await Editor.GetFromJsonAsync<List<DashboardSummary>>(DashboardsApi.Path, Ct))!, s => s.Id == created.Id);
        Assert.Null(mesh.Environment.Mesh.StateStore(DaprComponents.StateStore).Get($"{AppIds.Console}||dashboard||{created.Id}"));
    }

    [Fact]
    public async Task An_invalid_dashboard_is_answered_400_naming_each_field()
    {
        var broken = SampleDashboards.Valid() with
        {
            Panels = [SampleDashboards.Panel(1, new GridPos(0, 0, 12, 8)), SampleDashboards.Panel(1, new GridPos(6, 2, 30, 8)) with { Type = "piechart" }],
        };

        using var response = await Editor.PostAsJsonAsync(DashboardsApi.Path, broken, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ProblemAsync(response)).RootElement.GetProperty("errors");
        Assert.Equal(["panels[1].grid.w", "panels[1].id", "panels[1].type"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("{\"title\": ")]
    [InlineData("{\"title\": \"x\", \"panels\": [{\"grid\": {\"x\": \"left\"}}]}")]
    [InlineData("[1, 2]")]
    public async Task A_body_that_is_not_a_dashboard_is_answered_400(string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await Editor.PostAsync(DashboardsApi.Path, content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_save_without_the_version_it_was_based_on_is_answered_400()
    {
        var created = await CreateAsync("No version");
        using var response = await Editor.PutAsJsonAsync($"{DashboardsApi.Path}/{created.Id}", created with { Version = 0 }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).RootElement.GetProperty("errors").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task Reading_needs_metrics_read_and_changing_needs_alerts_write()
    {
        var created = await CreateAsync("Guarded");
        var anonymous = mesh.Console.CreateClient();
        var viewer = mesh.Client(Permissions.MetricsRead, Permissions.AlertsRead, Permissions.LogsRead, Permissions.TracesRead);
        var writerOnly = mesh.Client(Permissions.AlertsWrite);
        var path = $"{DashboardsApi.Path}/{created.Id}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(DashboardsApi.Path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(DashboardsApi.Path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync(DashboardsApi.Path, SampleDashboards.Valid(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsJsonAsync(path, created, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writerOnly.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mesh.Client(Permissions.Admin).GetAsync(path, Ct)).StatusCode);
    }

    [Theory]
    [InlineData("no-such-dashboard")]
    [InlineData("a%7C%7Cb")]
    public async Task An_unknown_or_malformed_id_is_answered_404(string id)
    {
        using var read = await Editor.GetAsync($"{DashboardsApi.Path}/{id}", Ct);
        using var write = await Editor.PutAsJsonAsync($"{DashboardsApi.Path}/{id}", SampleDashboards.Valid() with { Version = 1 }, Ct);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (read.StatusCode, write.StatusCode));
    }

    [Fact]
    public async Task Creates_on_two_replicas_at_once_are_all_listed()
    {
        var replica = await mesh.StartConsoleAsync();
        var clients = new[] { Editor, replica.CreateClient().WithToken(Permissions.MetricsRead, Permissions.AlertsWrite) };

        var created = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            using var response = await clients[i % 2].PostAsJsonAsync(DashboardsApi.Path, SampleDashboards.Valid($"Replica {i}"), Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<Dashboard>(Ct))!.Id;
        }));

        var listed = (await Editor.GetFromJsonAsync<List<DashboardSummary>>(DashboardsApi.Path, Ct))!.Select(s => s.Id).ToHashSet();
        Assert.Superset(created.ToHashSet(), listed);
    }

    [Fact]
    public async Task When_the_store_refuses_the_write_the_answer_is_503_and_nothing_is_stored()
    {
        var store = mesh.Environment.Mesh.StateStore(DaprComponents.StateStore);
        store.RefuseTransaction = writes => writes.Any(w => w.Key.Contains("||dashboard||", StringComparison.Ordinal)) ? "disk full" : null;
        try
        {
            using var response = await Editor.PostAsJsonAsync(DashboardsApi.Path, SampleDashboards.Valid("Refused"), Ct);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Contains("nothing was changed", (await ProblemAsync(response)).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            store.RefuseTransaction = null;
        }

        Assert.DoesNotContain((await Editor.GetFromJsonAsync<List<DashboardSummary>>(DashboardsApi.Path, Ct))!, s => s.Title == "Refused");
    }

    private async Task<Dashboard> CreateAsync(string title)
    {
        using var response = await Editor.PostAsJsonAsync(DashboardsApi.Path, SampleDashboards.Valid(title), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Dashboard>(Ct))!;
    }

    private static async Task<JsonDocument> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
}
