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
}
