using AirisEpm.DaprTestSidecar.Hosting;

namespace AirisEpm.DaprTestSidecar.Harness;

/// <summary>An app started by the harness, on Kestrel, beside its sidecar.</summary>
public sealed class RunningApp(string appId, Uri baseUrl, TestSidecar sidecar, IServiceProvider services, Func<ValueTask> stop) : IAsyncDisposable
{
    public string AppId => appId;

    public Uri BaseUrl => baseUrl;

    public TestSidecar Sidecar => sidecar;

    public IServiceProvider Services => services;

    /// <summary>A client calling the app directly (not through the sidecar).</summary>
    public HttpClient CreateClient() => new() { BaseAddress = baseUrl };

    /// <summary>A client calling the app's sidecar HTTP API, with the app's Dapr API token.</summary>
    public HttpClient CreateSidecarClient()
    {
        var client = new HttpClient { BaseAddress = sidecar.HttpEndpoint };
        if (sidecar.Options.DaprApiToken is { Length: > 0 } token)
        {
            client.DefaultRequestHeaders.Add("dapr-api-token", token);
        }

        return client;
    }

    public ValueTask DisposeAsync() => stop();
}
