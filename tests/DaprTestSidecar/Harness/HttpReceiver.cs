using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace AirisEpm.DaprTestSidecar.Harness;

/// <summary>
/// Stands in for Slack, webhook receivers and Twilio: answers every request with
/// <see cref="StatusCode"/> (200 unless a test changes it) and keeps it.
/// </summary>
public sealed class HttpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();
    private WebApplication? _app;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The status every request is answered with; change it to test failures.</summary>
    public int StatusCode { get; set; } = 200;

    /// <summary>How long each answer takes (a slow Slack or webhook receiver); none unless a test sets it.</summary>
    public TimeSpan Latency { get; set; }

    public IReadOnlyList<CapturedRequest> Requests => _requests.ToList();

    public IReadOnlyList<CapturedRequest> To(string path) => _requests.Where(r => r.Path == path).ToList();

    public static async Task<HttpReceiver> StartAsync()
    {
        var receiver = new HttpReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        ListenOptions? listen = null;
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, o => listen = o));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(receiver.CaptureAsync);
        await app.StartAsync();
        receiver._app = app;
        receiver.BaseUrl = new Uri($"http://127.0.0.1:{listen!.IPEndPoint!.Port}/");
        return receiver;
    }

    private async Task CaptureAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new CapturedRequest(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "", headers, body));
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, context.RequestAborted);
        context.Response.StatusCode = StatusCode;
        await context.Response.WriteAsJsonAsync(new { ok = StatusCode < 300 });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
