using System.Net;
using System.Net.Http.Json;
using System.Text;
using AirisEpm.ServiceDefaults.Security;
using static AirisEpm.AlertService.Tests.Functional.Json;

namespace AirisEpm.AlertService.Tests.Functional;

/// <summary>The incidents and escalation-policy APIs answer bad input with a 4xx ProblemDetails that names the problem.</summary>
public sealed class IncidentAndPolicyBadInputTests : IAsyncLifetime
{
    private static readonly string[] ReadWrite = [Permissions.AlertsRead, Permissions.AlertsWrite];
    private readonly AlertServiceFactory _factory = new();
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _client = await _factory.StartAsync(ReadWrite);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task An_unknown_status_filter_is_a_400_naming_status()
    {
        var problem = await ReadAsync(await _client.GetAsync("/api/v1/incidents?status=sleeping", Ct), HttpStatusCode.BadRequest);
        Assert.Equal(["status"], ErrorKeys(problem));
    }

    [Theory]
    [InlineData("GET", "/api/v1/incidents/no-such-incident")]
    [InlineData("POST", "/api/v1/incidents/no-such-incident/ack")]
    [InlineData("POST", "/api/v1/incidents/no-such-incident/resolve")]
    [InlineData("GET", "/api/v1/escalation-policies/no-such-policy")]
    [InlineData("DELETE", "/api/v1/escalation-policies/no-such-policy")]
    public async Task An_unknown_incident_or_policy_is_a_404_naming_it(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        var problem = await ReadAsync(await _client.SendAsync(request, Ct), HttpStatusCode.NotFound);
        Assert.Contains("no-such-", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"p","steps":[]}""", "Steps")]
    [InlineData("""{"name":"p","steps":[{"after":"-00:01:00","receivers":["oncall"]}]}""", "Steps[0].After")]
    [InlineData("""{"name":"p","steps":[{"after":"00:00:00","receivers":[]}]}""", "Steps[0].Receivers")]
    [InlineData("""{"name":"p","steps":[{"after":"00:10:00","receivers":["oncall"]},{"after":"00:05:00","receivers":["oncall"]}]}""", "Steps")]
    [InlineData("""{"name":"p","repeat":1,"steps":[{"after":"00:00:00","receivers":["oncall"]}]}""", "Repeat")]
    [InlineData("""{"name":"other","steps":[{"after":"00:00:00","receivers":["oncall"]}]}""", "name")]
    public async Task An_invalid_policy_is_a_400_naming_the_field(string body, string field)
    {
        var response = await _client.PutAsync("/api/v1/escalation-policies/p", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        var problem = await ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(ErrorKeys(problem), key => string.Equals(key, field, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("{\"name\":\"p\",\"steps\":")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"name\":\"p\",\"steps\":[{\"after\":\"soon\",\"receivers\":[\"oncall\"]}]}")]
    public async Task A_malformed_policy_body_is_a_400_problem(string body)
    {
        var response = await _client.PutAsync("/api/v1/escalation-policies/p", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Changing_needs_alerts_write()
    {
        var reader = await _factory.StartAsync([Permissions.AlertsRead]);
        var response = await reader.PutAsJsonAsync("/api/v1/escalation-policies/p", new { name = "p", steps = Array.Empty<object>() }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
