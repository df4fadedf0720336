using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AirisEpm.DaprTestSidecar.Harness;

namespace AirisEpm.EndToEnd.Tests.Parity;

/// <summary>
/// A webhook receiver on a free loopback port that answers 200 and keeps each Alertmanager webhook
/// payload with the moment it arrived (on a stopwatch the test shares, so both systems are timed alike).
/// </summary>
internal sealed class WebhookListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private readonly Stopwatch _clock;
    private readonly Task _loop;

    public WebhookListener(Stopwatch clock)
    {
        _clock = clock;
        Url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public IReadOnlyList<Delivery> Deliveries => [.. _deliveries];

    /// <summary>
    /// Waits, at most until <paramref name="deadline"/> on the shared clock, for <paramref name="count"/> deliveries:
    /// on a loaded host a notification due just before a scenario's end can arrive after it.
    /// </summary>
    public async Task WaitForAsync(int count, TimeSpan deadline, CancellationToken ct)
    {
        while (_deliveries.Count < count && _clock.Elapsed < deadline)
        {
            await Task.Delay(50, ct);
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var at = _clock.Elapsed;
            using (var body = await JsonDocument.ParseAsync(context.Request.InputStream))
            {
                _deliveries.Enqueue(new Delivery(at, body.RootElement.Clone()));
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

/// <summary>One webhook call: when it arrived since the scenario began, and its JSON payload.</summary>
internal sealed record Delivery(TimeSpan At, JsonElement Payload);
