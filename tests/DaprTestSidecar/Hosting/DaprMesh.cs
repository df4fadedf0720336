using System.Collections.Concurrent;
using AirisEpm.DaprTestSidecar.Actors;
using AirisEpm.DaprTestSidecar.Bindings;
using AirisEpm.DaprTestSidecar.Components;
using AirisEpm.DaprTestSidecar.PubSub;
using AirisEpm.DaprTestSidecar.State;

namespace AirisEpm.DaprTestSidecar.Hosting;

/// <summary>
/// What the sidecars of one test share, as daprd instances share Redis, placement and the network:
/// components, state stores, the broker, actor placement, the clock and the binding record.
/// </summary>
public sealed class DaprMesh : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TestSidecar> _sidecars = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InMemoryStateStore> _stores = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    public DaprMesh(MeshOptions? options = null)
    {
        Options = options ?? new MeshOptions();
        Components = ComponentLoader.Load(
            Options.ComponentsFolder ?? RepositoryPaths.LocalComponents,
            Options.BaseDirectory ?? RepositoryPaths.Root);
        Secrets = new SecretResolver(Components, Options);
        PubSub = new PubSubBroker(this);
        Actors = new ActorPlacement(this);
    }

    public MeshOptions Options { get; }

    public ComponentSet Components { get; }

    public TimeProvider Clock => Options.Clock;

    public SecretResolver Secrets { get; }

    public PubSubBroker PubSub { get; }

    public ActorPlacement Actors { get; }

    public BindingRecorder Bindings { get; } = new();

    public IEnumerable<TestSidecar> Sidecars => _sidecars.Values;

    internal CancellationToken Stopping => _stopping.Token;

    /// <summary>Starts the sidecar of <paramref name="appId"/> on free loopback ports.</summary>
    public async Task<TestSidecar> StartSidecarAsync(string appId, SidecarOptions? options = null)
    {
        var sidecar = await TestSidecar.StartAsync(this, appId, options ?? new SidecarOptions());
        if (!_sidecars.TryAdd(appId, sidecar))
        {
            await sidecar.DisposeAsync();
            throw new InvalidOperationException($"The mesh already has a sidecar for {appId}.");
        }

        return sidecar;
    }

    public TestSidecar Sidecar(string appId) =>
        _sidecars.TryGetValue(appId, out var sidecar) ? sidecar : throw new InvalidOperationException($"No sidecar for {appId}.");

    public TestSidecar? FindSidecar(string appId) => _sidecars.GetValueOrDefault(appId);

    public InMemoryStateStore StateStore(string name) => _stores.GetOrAdd(name, n => new InMemoryStateStore(n, Clock));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await PubSub.IdleAsync();
        }
        catch (OperationCanceledException)
        {
            // Deliveries still retrying are abandoned on teardown.
        }

        foreach (var sidecar in _sidecars.Values)
        {
            await sidecar.DisposeAsync();
        }

        _stopping.Dispose();
    }
}
