using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AirisEpm.MetricsService.Tests.Support;

/// <summary>
/// Debian's Prometheus 2.42 (which .ci/run installs) as a child process on a loopback port, with its own data folder and
/// its output kept for failure messages. Disposing kills it and deletes the folder.
/// </summary>
public sealed class PrometheusProcess : IAsyncDisposable
{
    private const string Binary = "/usr/bin/prometheus";
    private readonly StringBuilder _output = new();
    private readonly DirectoryInfo _directory;
    private readonly Process _process;

    private PrometheusProcess(DirectoryInfo directory, Process process)
    {
        _directory = directory;
        _process = process;
    }

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>Skips the calling test, with the reason, where Prometheus is not installed.</summary>
    public static void SkipUnlessInstalled()
    {
        if (!File.Exists(Binary))
        {
            Assert.Skip($"{Binary} is not installed (apt-get install -y prometheus); the real Prometheus cannot run.");
        }
    }

    /// <summary>Starts Prometheus with this configuration (YAML); <paramref name="port"/> is where it serves its own API and metrics.</summary>
    public static async Task<PrometheusProcess> StartAsync(string configuration, int port, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("airis-prometheus-");
        var config = Path.Combine(directory.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(config, configuration, cancellationToken);
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"--config.file={config}");
        start.ArgumentList.Add($"--storage.tsdb.path={Path.Combine(directory.FullName, "data")}");
        start.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");
        var prometheus = new PrometheusProcess(directory, new Process { StartInfo = start });
        prometheus._process.ErrorDataReceived += (_, e) => prometheus.Append(e.Data);
        prometheus._process.OutputDataReceived += (_, e) => prometheus.Append(e.Data);
        prometheus._process.Start();
        prometheus._process.BeginErrorReadLine();
        prometheus._process.BeginOutputReadLine();
        return prometheus;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _directory.Delete(recursive: true);
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
}
