using System.Text.Json;
using AirisEpm.DaprTestSidecar.Actors;
using AirisEpm.DaprTestSidecar.Bindings;
using AirisEpm.DaprTestSidecar.Components;
using AirisEpm.DaprTestSidecar.PubSub;
using AirisEpm.DaprTestSidecar.Secrets;
using AirisEpm.DaprTestSidecar.State;
using Microsoft.AspNetCore.Builder;

namespace AirisEpm.DaprTestSidecar.Hosting;

/// <summary>
/// A stand-in for one daprd: gRPC and HTTP APIs on free loopback ports, beside one app. Start it,
/// give the app <see cref="AppSettings"/>, start the app, then <see cref="ConnectAppAsync"/>: the
/// sidecar then reads the app's subscriptions and actor types and starts its input bindings.
/// </summary>
public sealed class TestSidecar : IAsyncDisposable
{
    public const string RuntimeVersion = "1.16.0-test-sidecar";

    private readonly HttpClient _outbound = SidecarHttp.Create();
    private readonly CancellationTokenSource _stopping;
    private readonly List<ITimer> _inputBindings = [];
    private WebApplication? _host;
    private AppChannel? _channel;
    private List<SubscriptionDefinition> _subscriptions = [];

    private readonly IReadOnlyList<string> _features;
    private int _disposed;

    private TestSidecar(DaprMesh mesh, string appId, SidecarOptions options, SecretScopes secretScopes, IReadOnlyList<string> features)
    {
        _features = features;
        Mesh = mesh;
        AppId = appId;
        Options = options;
        _stopping = CancellationTokenSource.CreateLinkedTokenSource(mesh.Stopping);
        State = new StateApi(mesh, appId);
        Secrets = new SecretsApi(mesh, appId, secretScopes);
        Bindings = new OutputBindings(mesh, appId, _outbound);
        Scheduler = new ClockScheduler(mesh.Clock, _stopping.Token);
    }

    public DaprMesh Mesh { get; }

    public string AppId { get; }

    public SidecarOptions Options { get; }

    public StateApi State { get; }

    public SecretsApi Secrets { get; }

    public OutputBindings Bindings { get; }

    public ClockScheduler Scheduler { get; }

    public int HttpPort { get; private set; }

    public int GrpcPort { get; private set; }

    public Uri HttpEndpoint => new($"http://127.0.0.1:{HttpPort}");

    public Uri GrpcEndpoint => new($"http://127.0.0.1:{GrpcPort}");

    public bool IsConnected => _channel is not null;

    public AppChannel Channel => _channel ?? throw DaprApiException.InvokeFailed(AppId, "app channel is not initialized");

    public IReadOnlyList<SubscriptionDefinition> Subscriptions => _subscriptions;

    public ActorHostConfig ActorConfig { get; private set; } = ActorHostConfig.None;

    /// <summary>True once the app called Shutdown.</summary>
    public bool ShutdownRequested { get; private set; }

    /// <summary>The configuration an app needs to talk to this sidecar (DAPR_HTTP_PORT, DAPR_GRPC_PORT, tokens).</summary>
    public IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["DAPR_HTTP_PORT"] = HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DAPR_GRPC_PORT"] = GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DAPR_HTTP_ENDPOINT"] = HttpEndpoint.ToString().TrimEnd('/'),
        ["DAPR_GRPC_ENDPOINT"] = GrpcEndpoint.ToString().TrimEnd('/'),
        ["DAPR_API_TOKEN"] = Options.DaprApiToken,
        ["APP_API_TOKEN"] = Options.AppApiToken,
        ["APP_ID"] = AppId,
    };

    internal static async Task<TestSidecar> StartAsync(DaprMesh mesh, string appId, SidecarOptions options)
    {
        // Read first: a Configuration daprd would refuse fails the start before anything is opened.
        var configPath = options.ConfigFile is { } config ? Path.Combine(mesh.Components.BaseDirectory, config) : null;
        var secretScopes = configPath is null ? SecretScopes.AllowAll : SecretScopes.Load(configPath);
        var features = configPath is null ? [] : ConfigurationFeatures.Load(configPath);
        var sidecar = new TestSidecar(mesh, appId, options, secretScopes, features);
        (sidecar._host, sidecar.HttpPort, sidecar.GrpcPort) = await SidecarHost.StartAsync(sidecar);
        return sidecar;
    }

    /// <summary>Connects the app channel, reads GET /dapr/subscribe, declarative subscriptions and GET /dapr/config.</summary>
    public async Task ConnectAppAsync(Uri appBaseUrl, CancellationToken cancellationToken = default)
    {
        var channel = new AppChannel(appBaseUrl, Options.AppApiToken);
        var programmatic = await SubscriptionReader.ReadAsync(channel, cancellationToken);
        var declarative = Mesh.Components.Subscriptions.Where(s => s.IsVisibleTo(AppId));
        _subscriptions = programmatic.Concat(declarative).ToList();
        ActorConfig = await ReadActorConfigAsync(channel, cancellationToken);
        _channel = channel;
        await Mesh.Actors.RegisterHostAsync(this, ActorConfig);
        _inputBindings.AddRange(CronInputBindings.Start(Mesh, this, Scheduler));
    }

    public PublishedMessage Publish(PublishRequest request, string? traceparent)
    {
        if (string.IsNullOrEmpty(request.PubSubName))
        {
            throw DaprApiException.PubSubEmpty();
        }

        _ = Mesh.Components.Find(AppId, request.PubSubName, "pubsub.") ?? throw DaprApiException.PubSubNotFound(request.PubSubName);
        if (string.IsNullOrEmpty(request.Topic))
        {
            throw DaprApiException.TopicEmpty(request.PubSubName);
        }

        return Mesh.PubSub.Publish(AppId, request, TraceContext.ChildOf(traceparent));
    }

    public SidecarDescription Describe()
    {
        var visible = Mesh.Components.VisibleTo(AppId).ToList();
        var actorStore = visible.Any(c => c.Type.StartsWith("state.", StringComparison.Ordinal)
            && string.Equals(c.Value("actorStateStore"), "true", StringComparison.OrdinalIgnoreCase));
        var channel = _channel?.BaseUrl;
        return new SidecarDescription(
            AppId,
            RuntimeVersion,
            _features,
            visible.Select(c => new RegisteredComponent(c.Name, c.Type, c.Version, ComponentCapabilities.Of(c))).ToList(),
            _subscriptions,
            Mesh.Actors.Active.Where(a => ActorConfig.Entities.Contains(a.Type)).GroupBy(a => a.Type).Select(g => (g.Key, g.Count())).ToList(),
            new ActorRuntimeDescription(actorStore ? "RUNNING" : "DISABLED", actorStore && ActorConfig.Entities.Count > 0, actorStore ? "placement: connected" : ""),
            Mesh.Components.HttpEndpoints,
            new AppConnectionDescription(channel?.Port ?? 0, channel is null ? "" : "http", channel?.Host ?? "", 0, Options.AppHealthCheck));
    }

    internal void RequestShutdown() => ShutdownRequested = true;

    /// <summary>Stops the sidecar; again is a no-op (a test may stop one early, and the mesh stops it at the end).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stopping.CancelAsync();
        foreach (var timer in _inputBindings)
        {
            timer.Dispose();
        }

        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        _channel?.Dispose();
        _outbound.Dispose();
        _stopping.Dispose();
    }

    private static async Task<ActorHostConfig> ReadActorConfigAsync(AppChannel channel, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "dapr/config");
        using var response = await channel.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return ActorHostConfig.None;
        }

        try
        {
            return ActorHostConfig.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (JsonException)
        {
            return ActorHostConfig.None;
        }
    }
}
