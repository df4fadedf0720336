using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AirisEpm.TestSupport;

/// <summary>
/// A service as a real process (its built <c>AirisEpm.&lt;Name&gt;.dll</c> from the test's output folder, on
/// Kestrel on a free loopback port, Development environment, no sidecar), so a test can kill -9 it and
/// start it again on the same data.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _name;

    private ServiceProcess(Process process, string name, Uri baseUrl)
    {
        _process = process;
        _name = name;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>CPU time the process has used so far (user + system), for a benchmark's CPU per request.</summary>
    public TimeSpan TotalProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The operating system's process id (benchmarks read its CPU time and resident memory from /proc).</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts <paramref name="project"/> (the folder under <c>services/</c>, e.g. <c>LogService</c>) with
    /// <paramref name="environment"/> added to its environment (<c>Logs__Store__DataPath</c> and the like),
    /// and returns once it answers <c>/healthz</c>. A restart that must be found where the first run was
    /// (by a sidecar's app channel) passes the first run's <paramref name="port"/>.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(string project, IReadOnlyDictionary<string, string> environment, CancellationToken ct, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        port ??= FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, $"AirisEpm.{project}.dll"),
                "--urls", $"http://127.0.0.1:{port}",
                "--contentRoot", ServiceFolder(project),
            },
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DAPR_HTTP_PORT"] = "1";
        start.Environment["DAPR_GRPC_PORT"] = "2";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{project} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, project, new Uri($"http://127.0.0.1:{port}/"));
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
            if (_process.HasExited) throw new InvalidOperationException($"{_name} exited with {_process.ExitCode}");
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

        throw new TimeoutException($"{_name} did not answer /healthz within 60 s");
    }

    /// <summary>A loopback port nothing listens on now (for a second port a test gives the service).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ServiceFolder(string project)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AirisEpm.sln"))) return Path.Combine(dir.FullName, "services", project);
        }

        throw new DirectoryNotFoundException("AirisEpm.sln not found above " + AppContext.BaseDirectory);
    }
}
