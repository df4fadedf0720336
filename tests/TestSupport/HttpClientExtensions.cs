using System.Net.Http.Headers;

namespace AirisEpm.TestSupport;

public static class HttpClientExtensions
{
    /// <summary>Sends a bearer token carrying <paramref name="permissions"/> on every request.</summary>
    public static HttpClient WithToken(this HttpClient client, params string[] permissions)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.With(permissions));
        return client;
    }

    /// <summary>The same with a token valid for <paramref name="lifetime"/> (long benchmark runs).</summary>
    public static HttpClient WithToken(this HttpClient client, TimeSpan lifetime, params string[] permissions)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.With(lifetime, permissions));
        return client;
    }
}
