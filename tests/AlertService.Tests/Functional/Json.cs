using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AirisEpm.AlertService.Tests.Functional;

internal static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ReadAsync(await client.GetAsync(path, TestContext.Current.CancellationToken), expected);

    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ReadAsync(await client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken), expected);

    /// <summary>The field names of a ValidationProblem's <c>errors</c>.</summary>
    public static IReadOnlyList<string> ErrorKeys(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)];

    public static object Alert(params (string Name, string Value)[] labels) =>
        new { labels = labels.ToDictionary(l => l.Name, l => l.Value), annotations = new Dictionary<string, string> { ["summary"] = "test" } };

    /// <summary>An alert with an explicit end, as Prometheus sends them (it re-sends before that end while firing).</summary>
    public static object AlertUntil(DateTimeOffset endsAt, params (string Name, string Value)[] labels) =>
        new { labels = labels.ToDictionary(l => l.Name, l => l.Value), endsAt };
}
