using System.Diagnostics;
using System.Globalization;

/// <summary>
/// Debian's Alertmanager 0.25 as a child process: a temporary storage path, clustering off, and a
/// configuration routing like alert-service's default (group_by alertname and service, 30 s
/// group_wait) to a webhook receiver that answers 200.
/// </summary>
internal sealed class AlertmanagerProcess : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus-alertmanager";

    private readonly Process _process;
    private readonly string _folder;

    private AlertmanagerProcess(Process process, string folder, Uri baseUrl)
    {
        _process = process;
        _folder = folder;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>CPU time Alertmanager has used so far (utime + stime from /proc).</summary>
    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<AlertmanagerProcess> StartAsync(int port, Uri webhook)
    {
        var folder = Directory.CreateTempSubdirectory("airis-am-bench-").FullName;
        var config = Path.Combine(folder, "alertmanager.yml");
        await File.WriteAllTextAsync(config, $"""
            route:
              receiver: webhook
              group_by: [alertname, service]
              group_wait: 30s
              group_interval: 5m
              repeat_interval: 4h
            receivers:
              - name: webhook
                webhook_configs:
                  - url: {webhook}
            """);
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            ArgumentList =
            {
                $"--config.file={config}",
                $"--storage.path={Path.Combine(folder, "data")}",
                $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
                "--cluster.listen-address=",
                "--log.level=warn",
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Binary} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var alertmanager = new AlertmanagerProcess(process, folder, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"));
        await alertmanager.WaitReadyAsync();
        return alertmanager;
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl };
        for (var i = 0; i < 100; i++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Alertmanager exited with {_process.ExitCode}");
            }

            try
            {
                if ((await http.GetAsync("-/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("Alertmanager did not become ready in 10 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
