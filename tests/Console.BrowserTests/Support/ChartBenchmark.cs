using System.Net;
using AirisEpm.DaprTestSidecar.Hosting;
using AirisEpm.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace AirisEpm.Console.BrowserTests.Support;

/// <summary>
/// The page's chart measurement (services/Console/web/bench/chart.html), built with its own Vite config into
/// dist-bench/ (as `npm run bench:chart` builds it) and served from loopback by a small static host.
/// </summary>
public sealed class ChartBenchmark : IAsyncDisposable
{
    private static readonly string WebRoot = Path.Combine(RepositoryPaths.Root, "services", "Console", "web");

    private readonly WebApplication _host;

    private ChartBenchmark(WebApplication host, Uri url)
    {
        _host = host;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<ChartBenchmark> StartAsync()
    {
        await BuildAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        ListenOptions? listen = null;
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, o => listen = o));
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(WebRoot, "dist-bench")) });
        await app.StartAsync();
        return new ChartBenchmark(app, new Uri($"http://127.0.0.1:{listen!.IPEndPoint!.Port}/chart.html"));
    }

    private static async Task BuildAsync()
    {
        var (exitCode, log) = await ToolProcess.RunAsync(WebRoot, "npx", "vite build --config vite.bench.config.ts --logLevel warn");
        if (exitCode != 0) throw new InvalidOperationException($"vite build of bench/ failed ({exitCode}): {log}");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
    }
}
