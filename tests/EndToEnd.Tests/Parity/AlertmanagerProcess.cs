using System.Diagnostics;
using System.Text;
using AirisEpm.DaprTestSidecar.Harness;

namespace AirisEpm.EndToEnd.Tests.Parity;

/// <summary>
/// Debian's Alertmanager 0.25 as a child process: a free loopback port, a temporary data directory,
/// clustering off (<c>--cluster.listen-address=</c>), the given configuration file. Killed and its
/// directory removed on dispose.
/// </summary>
internal sealed class AlertmanagerProcess : IDisposable
{
    public const string Binary = "/usr/bin/prometheus-alertmanager";

    private readonly Process _process;
    private readonly DirectoryInfo _directory;
    private readonly StringBuilder _output = new();

    private AlertmanagerProcess(Process process, DirectoryInfo directory, Uri url)
    {
        _process = process;
        _directory = directory;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>What the process wrote, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static async Task<AlertmanagerProcess> StartAsync(string configYaml, CancellationToken ct)
    {
        var directory = Directory.CreateTempSubdirectory("alertmanager-parity-");
        var configFile = Path.Combine(directory.FullName, "alertmanager.yml");
        await File.WriteAllTextAsync(configFile, configYaml, ct);
        var port = FreePort.Next();
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            $"--config.file={configFile}", $"--storage.path={Path.Combine(directory.FullName, "data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=", "--log.level=debug",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var alertmanager = new AlertmanagerProcess(process, directory, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => alertmanager.Append(e.Data);
        process.ErrorDataReceived += (_, e) => alertmanager.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = alertmanager.Url };
        await Eventually.TrueAsync(() => Ready(client, ct), TimeSpan.FromSeconds(20), what: "Alertmanager ready: " + alertmanager.Output);
        return alertmanager;
    }

    private static bool Ready(HttpClient client, CancellationToken ct)
    {
        try
        {
            return client.GetAsync("-/ready", ct).GetAwaiter().GetResult().IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(5_000);
        _process.Dispose();
        _directory.Delete(recursive: true);
    }
}
