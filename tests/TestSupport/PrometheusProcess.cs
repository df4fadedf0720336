using System.Diagnostics;
using System.Text;

namespace AirisEpm.TestSupport;

/// <summary>
/// Debian's Prometheus 2.42 as a child process: a configuration written from the caller's text (given the port it
/// listens on, for a job scraping Prometheus itself), its TSDB in a fresh folder under /tmp deleted on dispose, a spare
/// loopback port, output captured. Returns once <c>/-/ready</c> answers. Used by the remote_write tests and the
/// side-by-side benchmark.
/// </summary>
public sealed class PrometheusProcess : IDisposable
{
    public const string Binary = "/usr/bin/prometheus";
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

    /// <param name="config">The prometheus.yml text, given the port Prometheus will listen on.</param>
    /// <param name="arguments">Flags besides the configuration, storage and listen address (e.g. <c>--web.enable-remote-write-receiver</c>).</param>
    public static async Task<PrometheusProcess> StartAsync(Func<int, string> config, IEnumerable<string>? arguments = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var folder = Directory.CreateTempSubdirectory("airis-prometheus-");
        var port = ServiceProcess.FreePort();
        var file = Path.Combine(folder.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(file, config(port), ct);
        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true };
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
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(200, ct))
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
