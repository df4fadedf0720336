using System.Diagnostics;
using System.Text;

namespace AirisEpm.TestSupport;

/// <summary>
/// Debian's Prometheus 2.42 (which .ci/run installs) as a child process: a configuration written from the caller's text
/// (given the port it listens on, for a job scraping Prometheus itself), its TSDB in a fresh temporary folder deleted
/// on dispose, a spare loopback port, output captured for failure messages. Returns once <c>/-/ready</c> answers.
/// The one Prometheus helper of the tests and benchmarks.
/// </summary>
public sealed class PrometheusProcess : IDisposable, IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus";

    /// <summary>Nothing to scrape, the default 1-minute evaluation interval (the step of a subquery written without one).</summary>
    private const string ReceiverConfig = "global:\n  evaluation_interval: 1m\nscrape_configs: []\n";

    private readonly Process _process;
    private readonly DirectoryInfo _folder;
    private readonly StringBuilder _output = new();

    private PrometheusProcess(Process process, DirectoryInfo folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
    }

    public static bool Installed => File.Exists(Binary);

    public int Port { get; }

    public Uri BaseUrl { get; }

    public int ProcessId => _process.Id;

    /// <summary>CPU time the process has used so far (user + system).</summary>
    public TimeSpan TotalProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Everything Prometheus logged so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Skips the calling test, with the reason, where Prometheus is not installed.</summary>
    public static void SkipUnlessInstalled()
    {
        if (!Installed)
        {
            Assert.Skip($"{Binary} is not installed (apt-get install -y prometheus); the real Prometheus cannot run.");
        }
    }

    /// <summary>
    /// Prometheus with nothing to scrape and the remote_write receiver on: samples written to <c>/api/v1/write</c>
    /// are queryable as soon as it answers. <paramref name="extraArguments"/> follow the defaults.
    /// </summary>
    public static Task<PrometheusProcess> StartReceiverAsync(CancellationToken ct, params string[] extraArguments) =>
        StartAsync(_ => ReceiverConfig, ["--web.enable-remote-write-receiver", "--log.level=warn", .. extraArguments], ct);

    /// <param name="config">The prometheus.yml text, given the port Prometheus will listen on.</param>
    /// <param name="arguments">Flags besides the configuration, storage and listen address (e.g. <c>--web.enable-remote-write-receiver</c>).</param>
    public static async Task<PrometheusProcess> StartAsync(Func<int, string> config, IEnumerable<string>? arguments = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var folder = Directory.CreateTempSubdirectory("airis-prometheus-");
        var port = ServiceProcess.FreePort();
        var file = Path.Combine(folder.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(file, config(port), ct);
        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add($"--config.file={file}");
        start.ArgumentList.Add($"--storage.tsdb.path={Path.Combine(folder.FullName, "data")}");
        start.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("prometheus did not start");
        var prometheus = new PrometheusProcess(process, folder, port);
        process.OutputDataReceived += (_, e) => prometheus.Append(e.Data);
        process.ErrorDataReceived += (_, e) => prometheus.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await prometheus.WaitUntilReadyAsync(ct);
        }
        catch
        {
            prometheus.Dispose();
            throw;
        }

        return prometheus;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(2) };
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(100, ct))
        {
            if (_process.HasExited) throw new InvalidOperationException($"prometheus exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/-/ready", ct)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
        }

        throw new TimeoutException($"prometheus was not ready within 60 s:\n{Output}");
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        if (_folder.Exists)
        {
            _folder.Delete(recursive: true);
        }
    }
}
