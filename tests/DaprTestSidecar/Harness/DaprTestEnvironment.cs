using System.Net;
using AirisEpm.DaprTestSidecar.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.DaprTestSidecar.Harness;

/// <summary>
/// One end-to-end test world: a mesh of test sidecars on a fake clock, an SMTP server, an HTTP
/// receiver (Slack at /slack, webhooks at /webhook, Twilio under /twilio/), and the apps started in it,
/// each on Kestrel beside its own sidecar. Disposing stops everything, apps first.
/// </summary>
public sealed class DaprTestEnvironment : IAsyncDisposable
{
    private readonly List<RunningApp> _apps = [];

    private DaprTestEnvironment(DaprMesh mesh, FakeTimeProvider clock, SmtpCapture smtp, HttpReceiver receiver)
    {
        Mesh = mesh;
        Clock = clock;
        Smtp = smtp;
        Receiver = receiver;
    }

    public DaprMesh Mesh { get; }

    public FakeTimeProvider Clock { get; }

    public SmtpCapture Smtp { get; }

    public HttpReceiver Receiver { get; }

    public IReadOnlyList<RunningApp> Apps => _apps;

    public static async Task<DaprTestEnvironment> StartAsync(Action<MeshOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var smtp = new SmtpCapture();
        var receiver = await HttpReceiver.StartAsync();
        var options = new MeshOptions { Clock = clock, TwilioBaseUrl = new Uri(receiver.BaseUrl, "twilio/") };
        options.MetadataOverrides["email:host"] = "127.0.0.1";
        options.MetadataOverrides["email:port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        options.SecretOverrides["slack-webhook-url"] = new Uri(receiver.BaseUrl, "slack").ToString();
        options.SecretOverrides["webhook-url"] = new Uri(receiver.BaseUrl, "webhook").ToString();
        configure?.Invoke(options);
        return new DaprTestEnvironment(new DaprMesh(options), clock, smtp, receiver);
    }

    /// <summary>
    /// Starts a service's real Program beside a new sidecar, in <paramref name="environmentName"/> (Development:
    /// the development key pair); <paramref name="configFile"/> is the sidecar's Configuration (see <see cref="SidecarOptions.ConfigFile"/>).
    /// </summary>
    public async Task<RunningApp> StartServiceAsync<TProgram>(
        string appId, IReadOnlyDictionary<string, string?>? settings = null, SidecarOptions? sidecarOptions = null, string? configFile = null,
        string environmentName = "Development", Action<IServiceCollection>? services = null)
        where TProgram : class
    {
        var sidecar = await Mesh.StartSidecarAsync(appId, WithConfig(sidecarOptions ?? Tokens(), configFile));
        var factory = new KestrelServiceFactory<TProgram> { EnvironmentName = environmentName, ConfigureServices = services };
        foreach (var (key, value) in sidecar.AppSettings.Concat(settings ?? new Dictionary<string, string?>()))
        {
            factory.With(key, value);
        }

        var baseUrl = factory.Start();
        await sidecar.ConnectAppAsync(baseUrl);
        return Track(new RunningApp(appId, baseUrl, sidecar, factory.Services, factory.DisposeAsync));
    }

    /// <summary>Starts a small in-test app (WebApplication on Kestrel) beside a new sidecar, with an optional sidecar Configuration.</summary>
    public async Task<RunningApp> StartAppAsync(
        string appId, Action<WebApplicationBuilder> configure, Action<WebApplication> map, SidecarOptions? sidecarOptions = null, string? configFile = null)
    {
        var sidecar = await Mesh.StartSidecarAsync(appId, WithConfig(sidecarOptions ?? new SidecarOptions(), configFile));
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(sidecar.AppSettings);
        ListenOptions? listen = null;
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, o => listen = o));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var baseUrl = new Uri($"http://127.0.0.1:{listen!.IPEndPoint!.Port}/");
        await sidecar.ConnectAppAsync(baseUrl);
        return Track(new RunningApp(appId, baseUrl, sidecar, app.Services, async () =>
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await Mesh.DisposeAsync();
        await Receiver.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>A service's sidecar as dapr.yaml runs it: random tokens, the app health check on /healthz.</summary>
    private static SidecarOptions Tokens() => new()
    {
        DaprApiToken = "dapr-" + Guid.NewGuid().ToString("N"),
        AppApiToken = "app-" + Guid.NewGuid().ToString("N"),
        AppHealthCheck = AppHealthCheck.OnPath(AirisEpm.ServiceDefaults.Extensions.LivenessPath),
    };

    private static SidecarOptions WithConfig(SidecarOptions options, string? configFile) => configFile is null
        ? options
        : new SidecarOptions { DaprApiToken = options.DaprApiToken, AppApiToken = options.AppApiToken, ConfigFile = configFile, AppHealthCheck = options.AppHealthCheck };

    private RunningApp Track(RunningApp app)
    {
        _apps.Add(app);
        return app;
    }
}
