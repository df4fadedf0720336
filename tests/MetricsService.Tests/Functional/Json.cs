using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AirisEpm.MetricsService.Tests.Functional;

internal static class Json
{
    public static StringContent Body(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    public static StringContent Batch(params object[] metrics) => Body(JsonSerializer.Serialize(new { metrics }));

    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
