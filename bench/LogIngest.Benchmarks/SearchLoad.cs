using System.Diagnostics;
using System.Globalization;

namespace AirisEpm.LogIngest.Benchmarks;

/// <summary>
/// Someone watching while the logs arrive: a search for the newest errors every second (as a dashboard panel or a
/// log alert rule would run), so the store stays search-active and refreshes its readers each second during the run.
/// </summary>
internal sealed class SearchLoad : IAsyncDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private readonly HttpClient _reader;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<double> _milliseconds = [];
    private readonly Task _loop;

    private SearchLoad(LogServiceHost host)
    {
        _reader = host.Client(AirisEpm.ServiceDefaults.Security.Permissions.LogsRead);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Starts searching <paramref name="host"/> with a <c>logs:read</c> client of its own, or returns null when <paramref name="searched"/> is false.</summary>
    public static SearchLoad? StartIf(bool searched, LogServiceHost host) => searched ? new SearchLoad(host) : null;

    /// <summary>Stops, and describes the searches: how many, their p50 and p95.</summary>
    public async Task<string> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        var sorted = _milliseconds.Order().ToList();
        return sorted.Count == 0
            ? "no search finished"
            : string.Create(CultureInfo.InvariantCulture, $"{sorted.Count} searches p50 {sorted[sorted.Count / 2]:F1} ms p95 {sorted[(int)(sorted.Count * 0.95)]:F1} ms");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _stop.Dispose();
        _reader.Dispose();
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await _reader.GetAsync("/api/v1/logs/search?q=level:error&limit=20", _stop.Token);
                if (!response.IsSuccessStatusCode) throw new HttpRequestException($"searching during ingest: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                await response.Content.ReadAsByteArrayAsync(_stop.Token);
                _milliseconds.Add(watch.Elapsed.TotalMilliseconds);
                var rest = Period - watch.Elapsed;
                if (rest > TimeSpan.Zero) await Task.Delay(rest, _stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
