using System.Collections.Concurrent;
using System.Collections.Immutable;
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
    private readonly ConcurrentDictionary<string, ImmutableList<TestSidecar>> _replicas = new(StringComparer.Ordinal);
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

    private int _invocations;

    /// <summary>Every sidecar, replicas included.</summary>
    public IEnumerable<TestSidecar> Sidecars => _replicas.Values.SelectMany(r => r);

    internal CancellationToken Stopping => _stopping.Token;

    /// <summary>
    /// Starts a sidecar of <paramref name="appId"/> on free loopback ports. Another one for the same
    /// app id is a replica: the replicas share state, one of them gets each invocation and each
    /// pub/sub message, and actors are placed across them.
    /// </summary>
    public async Task<TestSidecar> StartSidecarAsync(string appId, SidecarOptions? options = null)
    {
        var sidecar = await TestSidecar.StartAsync(this, appId, options ?? new SidecarOptions());
        _replicas.AddOrUpdate(appId, [sidecar], (_, replicas) => replicas.Add(sidecar));
        return sidecar;
    }

    public IReadOnlyList<TestSidecar> Replicas(string appId) => _replicas.GetValueOrDefault(appId) ?? [];

    /// <summary>The first replica of <paramref name="appId"/>.</summary>
    public TestSidecar Sidecar(string appId) =>
        Replicas(appId) is [var first, ..] ? first : throw new InvalidOperationException($"No sidecar for {appId}.");

    /// <summary>The replica an invocation of <paramref name="appId"/> reaches: round robin, as name resolution spreads calls.</summary>
    public TestSidecar? FindSidecar(string appId) =>
        Replicas(appId) is { Count: > 0 } replicas ? replicas[(int)((uint)Interlocked.Increment(ref _invocations) % (uint)replicas.Count)] : null;

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

        foreach (var sidecar in Sidecars)
        {
            await sidecar.DisposeAsync();
        }

        _stopping.Dispose();
    }
}
