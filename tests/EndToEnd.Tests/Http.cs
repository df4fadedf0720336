using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.TestSupport;

namespace AirisEpm.EndToEnd.Tests;

internal static class Http
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static HttpClient Client(this RunningApp app, params string[] permissions) =>
        app.CreateClient().WithToken(permissions);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body, Ct);

    public static Task<HttpResponseMessage> PutYamlAsync(this HttpClient client, string path, string yaml) =>
        client.PutAsync(path, new StringContent(yaml, Encoding.UTF8, "application/yaml"), Ct);

    /// <summary>Stores an escalation policy of one step that pages <paramref name="receiver"/> at once, asserting it was stored.</summary>
    public static async Task PutOneStepPolicyAsync(this HttpClient client, string name, string receiver)
    {
        var policy = await client.PutAsJsonAsync($"/api/v1/escalation-policies/{name}",
            new { name, steps = new object[] { new { after = "00:00:00", receivers = new[] { receiver } } } }, Ct);
        Assert.True(policy.IsSuccessStatusCode, await policy.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The ids of the streaming rules metrics-service holds (empty while it does not answer).</summary>
    public static IReadOnlyList<string> ThresholdRuleIds(this HttpClient metrics)
    {
        using var listed = metrics.GetAsync("/api/v1/threshold-rules", Ct).GetAwaiter().GetResult();
        if (!listed.IsSuccessStatusCode) return [];
        using var json = JsonDocument.Parse(listed.Content.ReadAsStringAsync(Ct).GetAwaiter().GetResult());
        return [.. json.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()!)];
    }
}
