using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AirisEpm.TestSupport;

/// <summary>
/// A browser's view of the console (services/Console): a cookie jar, and (as the page does) the XSRF-TOKEN cookie echoed
/// in X-XSRF-TOKEN on every change. <see cref="SendsAntiforgery"/> off lets a test leave the header out.
/// </summary>
public sealed class ConsoleClient : IDisposable
{
    private readonly HttpClient _http;

    public ConsoleClient(Uri baseUrl)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new AntiforgeryHandler(this, new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }))
        {
            BaseAddress = baseUrl,
        };
    }

    public CookieContainer Cookies { get; }

    public bool SendsAntiforgery { get; set; } = true;

    public Uri BaseAddress => _http.BaseAddress!;

    public string? Cookie(string name) => Cookies.GetCookies(BaseAddress)[name]?.Value;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path, Ct);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body) => _http.PostAsJsonAsync(path, body, Ct);

    public Task<HttpResponseMessage> PutJsonAsync(string path, object body) => _http.PutAsJsonAsync(path, body, Ct);

    public Task<HttpResponseMessage> DeleteAsync(string path) => _http.DeleteAsync(path, Ct);

    public Task<HttpResponseMessage> PostRawAsync(string path, string body, string contentType = "application/json") =>
        _http.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType), Ct);

    /// <summary>GET /api/session (the page's first call: it sets the antiforgery cookie), then the login.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string username, string password)
    {
        using (await GetAsync("/api/session"))
        {
        }

        return await PostJsonAsync("/api/session/login", new { username, password });
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();

    private sealed class AntiforgeryHandler(ConsoleClient client, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (client.SendsAntiforgery && request.Method != HttpMethod.Get && client.Cookie("XSRF-TOKEN") is { } token)
            {
                request.Headers.TryAddWithoutValidation("X-XSRF-TOKEN", token);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
