using System.Diagnostics;
using AirisEpm.TestSupport;

namespace AirisEpm.MetricsProtocols.Benchmarks.SideBySide;

/// <summary>
/// Debian's Prometheus 2.42 with its remote_write receiver on (<c>--web.enable-remote-write-receiver</c>), on a spare
/// loopback port, its TSDB in a fresh folder under /tmp deleted on dispose, and no scrape targets.
/// </summary>
internal sealed class PrometheusProcess : IDisposable
{
    public const string Binary = "/usr/bin/prometheus";
    private readonly Process _process;
    private readonly DirectoryInfo _folder;

    private PrometheusProcess(Process process, DirectoryInfo folder, Uri baseUrl)
    {
        _process = process;
        _folder = folder;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public int ProcessId => _process.Id;

    public static async Task<PrometheusProcess> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("airis-bench-prometheus-");
        var config = Path.Combine(folder.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(config, "global:\n  scrape_interval: 1h\n");
        var port = ServiceProcess.FreePort();
        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add($"--config.file={config}");
        start.ArgumentList.Add($"--storage.tsdb.path={Path.Combine(folder.FullName, "data")}");
        start.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");
        start.ArgumentList.Add("--web.enable-remote-write-receiver");
        start.ArgumentList.Add("--log.level=warn");
        var process = Process.Start(start) ?? throw new InvalidOperationException("prometheus did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("prometheus: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var prometheus = new PrometheusProcess(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        await prometheus.WaitUntilReadyAsync();
        return prometheus;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(2) };
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            if (_process.HasExited) throw new InvalidOperationException($"prometheus exited with {_process.ExitCode}");
            try
            {
                if ((await client.GetAsync("/-/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
        }

        throw new TimeoutException("prometheus was not ready within 60 s");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _folder.Delete(recursive: true);
    }
}
