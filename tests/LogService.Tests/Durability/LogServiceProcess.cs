using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AirisEpm.LogService.Tests.Durability;

/// <summary>log-service as a real process (the built AirisEpm.LogService.dll on Kestrel), so a test can kill -9 it.</summary>
internal sealed class LogServiceProcess : IDisposable
{
    private readonly Process _process;

    private LogServiceProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<LogServiceProcess> StartAsync(string dataPath, CancellationToken ct, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "AirisEpm.LogService.dll"),
                "--urls", $"http://127.0.0.1:{port}",
                "--contentRoot", ServiceFolder(),
            },
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logs__Store__DataPath"] = dataPath;
        start.Environment["DAPR_HTTP_PORT"] = "1";
        start.Environment["DAPR_GRPC_PORT"] = "2";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("log-service did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new LogServiceProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        await service.WaitUntilLiveAsync(ct);
        return service;
    }

    /// <summary>SIGKILL on Linux: no shutdown hook, no flush, no final commit runs.</summary>
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
            if (_process.HasExited) throw new InvalidOperationException($"log-service exited with {_process.ExitCode}");
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

        throw new TimeoutException("log-service did not answer /healthz within 60 s");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ServiceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AirisEpm.sln"))) return Path.Combine(dir.FullName, "services", "LogService");
        }

        throw new DirectoryNotFoundException("AirisEpm.sln not found above " + AppContext.BaseDirectory);
    }
}
