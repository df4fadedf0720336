extern alias alert;
extern alias console;
extern alias logs;
extern alias metrics;
extern alias traces;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(AirisEpm.Console.BrowserTests.Support.ConsoleWorld))]

namespace AirisEpm.Console.BrowserTests.Support;

/// <summary>
/// What every browser test looks at: the console, metrics-service (on a temporary DuckDB file), log-service (a temporary
/// Lucene folder), trace-service (a temporary DuckDB folder) and alert-service, each
/// the real Program on Kestrel beside its own sidecar double, seeded by <see cref="Seed"/>, and one headless Debian
/// chromium driven by Playwright. Without /usr/bin/chromium nothing starts and every test skips, naming why.
/// </summary>
public sealed class ConsoleWorld : IAsyncLifetime
{
    public const string AdminPassword = "browser-admin-password";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-browser-" + Guid.NewGuid().ToString("N"));
    private DaprTestEnvironment? _environment;
    private IPlaywright? _playwright;

    public RunningApp Console { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Seeded Data { get; private set; } = null!;

    public SeededTraces Traces { get; private set; } = null!;
    public SeededLogs Logs { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (Chromium.MissingReason is not null) return;

        Directory.CreateDirectory(_folder);
        _environment = await DaprTestEnvironment.StartAsync();
        await _environment.StartServiceAsync<metrics::Program>(AppIds.MetricsService,
            new Dictionary<string, string?> { ["Metrics:Store:DuckDbPath"] = Path.Combine(_folder, "metrics.duckdb") });
        await _environment.StartServiceAsync<logs::Program>(AppIds.LogService,
            new Dictionary<string, string?> { ["Logs:Store:DataPath"] = Path.Combine(_folder, "logs") });
        await _environment.StartServiceAsync<traces::Program>(AppIds.TraceService,
            new Dictionary<string, string?> { ["Traces:Store:DataDirectory"] = Path.Combine(_folder, "traces") });
        await _environment.StartServiceAsync<alert::Program>(AppIds.AlertService);
        Console = await _environment.StartServiceAsync<console::Program>(AppIds.Console,
            new Dictionary<string, string?> { ["Console:AdminPassword"] = AdminPassword });
        Data = await Seed.WriteAsync(Console.BaseUrl, AdminPassword);
        Traces = await TraceSeed.WriteAsync(Console.BaseUrl, AdminPassword);
        Logs = await LogsSeed.WriteAsync(Console.BaseUrl, AdminPassword);
        await MapSeed.WriteAsync(Console.BaseUrl, AdminPassword);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            // Root in CI has no user namespaces for chromium's sandbox.
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>Skips the calling test (a skip, not a pass) when chromium is not installed.</summary>
    public void RequireBrowser()
    {
        if (Chromium.MissingReason is { } reason) Assert.Skip(reason);
    }

    /// <summary>
    /// A fresh browser context (no cookies, empty cache) on the console. The page's CSP allows only its own scripts;
    /// BypassCSP lets the tests inject axe-core beside them.
    /// </summary>
    public async Task<IPage> NewPageAsync()
    {
        RequireBrowser();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Console.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            BypassCSP = true,
            ColorScheme = ColorScheme.Light,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// One scrape-tick: the sidecars' clock moves 15 s, so the cron binding fires and metrics-service scrapes the apps'
    /// own /metrics through its sidecar (the request metrics the SLA and the self-monitoring dashboard read).
    /// </summary>
    public async Task ScrapeTickAsync()
    {
        RequireBrowser();
        _environment!.Clock.Advance(TimeSpan.FromSeconds(15));
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_environment is not null) await _environment.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
