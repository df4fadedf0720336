using System.Net;
using System.Text.Json;

namespace AirisEpm.LogService.Tests.Functional;

internal static class LogApiJson
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Searches until the records are visible (the store's readers refresh within a second).</summary>
    public static async Task<JsonElement> SearchUntilAsync(this HttpClient reader, string query, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var result = await (await reader.GetAsync("/api/v1/logs/search?" + query, Ct)).JsonAsync();
            if (result.GetProperty("records").GetArrayLength() >= expected || DateTime.UtcNow > deadline) return result;
            await Task.Delay(100, Ct);
        }
    }
}
