using System.Diagnostics;
using System.Net;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.DaprTestSidecar.Hosting;

namespace AirisEpm.EndToEnd.Tests.Durability;

/// <summary>
/// alert-service as a real process (the built AirisEpm.AlertService.dll on Kestrel) beside a test sidecar
/// of the test's mesh, so a test can kill -9 it: its state lives in the mesh's state store, in the test
/// process, and survives the kill. A restart listens on the same port, so the sidecar's app channel,
/// actor placement and reminders reach the new process as daprd's would after the app restarted.
/// </summary>
internal sealed class AlertServiceProcess : IDisposable
{
    private readonly Process _process;

    private AlertServiceProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<AlertServiceProcess> StartAsync(TestSidecar sidecar, int port, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "AirisEpm.AlertService.dll"),
                "--urls", $"http://127.0.0.1:{port}",
                "--contentRoot", Path.Combine(RepositoryPaths.Root, "services", "AlertService"),
            },
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Alerting__EnginePingInterval"] = "00:00:00.200";
        start.Environment["Alerting__TickInterval"] = "00:00:00.100";
        foreach (var (name, value) in sidecar.AppSettings)
        {
            if (value is not null) start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("alert-service did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new AlertServiceProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        await service.WaitUntilLiveAsync(ct);
        return service;
    }

    /// <summary>SIGKILL on Linux: no shutdown hook, no final save, no actor deactivation runs.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) KillHard();
        _process.Dispose();
    }

    private async Task WaitUntilLiveAsync(CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"alert-service exited with {_process.ExitCode}");
            try
            {
                if ((await client.GetAsync("/healthz", ct)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(200, ct);
        }

        throw new TimeoutException("alert-service did not answer /healthz within 60 s");
    }
}
