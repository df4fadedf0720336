using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AirisEpm.TestSupport;

/// <summary>
/// Debian's Prometheus 2.42 as a child process with nothing to scrape: its own temporary TSDB, a free loopback port,
/// the remote_write receiver on (<c>--web.enable-remote-write-receiver</c>), the default 1-minute evaluation interval
/// (the step of a subquery written without one) and 5-minute lookback. Samples remote-written to
/// <c>/api/v1/write</c> are queryable as soon as it answers. Killed and its folder removed on dispose.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus";

    private readonly Process _process;
    private readonly DirectoryInfo _folder;
    private readonly StringBuilder _output = new();

    private PrometheusServer(Process process, DirectoryInfo folder, Uri baseUrl)
    {
        _process = process;
        _folder = folder;
        BaseUrl = baseUrl;
    }

    public static bool IsInstalled => File.Exists(Binary);

    public Uri BaseUrl { get; }

    /// <summary>CPU time the process has used so far (user + system).</summary>
    public TimeSpan TotalProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>What the process logged, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Starts Prometheus with <paramref name="extraArguments"/> after the defaults and waits for <c>/-/ready</c>.</summary>
    public static async Task<PrometheusServer> StartAsync(CancellationToken ct, params string[] extraArguments)
    {
        ArgumentNullException.ThrowIfNull(extraArguments);
        var folder = Directory.CreateTempSubdirectory("airis-prometheus-");
        var config = Path.Combine(folder.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(config, "global:\n  evaluation_interval: 1m\nscrape_configs: []\n", ct);
        var port = ServiceProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])
                 [
                     $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(folder.FullName, "data")}",
                     $"--web.listen-address=127.0.0.1:{port}", "--web.enable-remote-write-receiver", "--log.level=warn",
                     .. extraArguments,
                 ])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Binary} did not start");
        var server = new PrometheusServer(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitReadyAsync(ct);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _folder.Delete(recursive: true);
    }

    private async Task WaitReadyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Prometheus exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync("-/ready", ct)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException($"Prometheus was not ready within 60 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output) _output.AppendLine(line);
        }
    }
}
