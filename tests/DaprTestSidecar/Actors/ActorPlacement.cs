using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using AirisEpm.DaprTestSidecar.Hosting;
using AirisEpm.DaprTestSidecar.State;
using AirisEpm.ServiceDefaults.Text;

namespace AirisEpm.DaprTestSidecar.Actors;

/// <summary>
/// Placement and the actor runtime side of daprd for a mesh: which replicas host which actor type
/// (an actor lives on one of them, chosen by a stable hash of its id), method calls, active actors
/// with idle deactivation, and the reminders and timers kept here and fired on the mesh clock.
/// Every call into an actor (method, reminder, timer, deactivation) takes its turn (<see cref="ActorTurns"/>).
/// </summary>
public sealed class ActorPlacement(DaprMesh mesh)
{
    private readonly ConcurrentDictionary<string, ImmutableList<TestSidecar>> _hostsByType = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ActorKey, DateTimeOffset> _active = new();
    private readonly ConcurrentDictionary<ActorKey, TestSidecar> _activeOn = new();
    private readonly ConcurrentDictionary<(ActorKey, string, bool), ActorSchedule> _schedules = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _deliveryGates = new(StringComparer.Ordinal);

    /// <summary>
    /// Reminders and timers due together reach their app at most this many at once; the rest wait
    /// their turn. The whole mesh shares one process's file descriptors, so ten thousand reminders
    /// due on one clock step would otherwise open ten thousand sockets at once.
    /// </summary>
    public const int MaxConcurrentDeliveries = 64;

    // Held so that the idle scans' timers stay alive (unreferenced timers may be collected).
    private readonly ConcurrentBag<ITimer> _idleScans = [];

    public IReadOnlyCollection<ActorKey> Active => _active.Keys.ToList();

    /// <summary>One call at a time per actor id, as daprd with reentrancy off.</summary>
    public ActorTurns Turns { get; } = new();

    public IReadOnlyList<ActorSchedule> Schedules => _schedules.Values.ToList();

    /// <summary>The replica <paramref name="actor"/> lives on: one of its type's connected hosts, by a stable hash of the id.</summary>
    public TestSidecar HostOf(ActorKey actor)
    {
        var hosts = _hostsByType.GetValueOrDefault(actor.Type)?.Where(h => h.IsConnected).ToList();
        return hosts is { Count: > 0 } ? hosts[(int)(StableHash.Fnv1a(actor.Id) % (uint)hosts.Count)] : throw DaprApiException.ActorTypeNotHosted(actor.Type);
    }

    /// <summary>
    /// A replica joins. Actors that placement now puts elsewhere are deactivated where they were
    /// active, as daprd does when the placement table changes, before anything calls them again.
    /// </summary>
    internal async Task RegisterHostAsync(TestSidecar host, ActorHostConfig config)
    {
        foreach (var type in config.Entities)
        {
            _hostsByType.AddOrUpdate(type, [host], (_, hosts) => hosts.Add(host));
        }

        if (config.Entities.Count > 0)
        {
            _idleScans.Add(host.Scheduler.Schedule(config.ScanInterval, config.ScanInterval, ct => DeactivateIdleAsync(host, config.IdleTimeout, ct)));
        }

        foreach (var (actor, activeOn) in _activeOn.ToList())
        {
            if (config.Entities.Contains(actor.Type) && HostOf(actor) != activeOn)
            {
                await DeactivateAsync(actor);
            }
        }
    }

    /// <summary>
    /// Calls PUT /actors/{type}/{id}/method/{path} on the hosting app in the actor's turn; the caller owns
    /// the response. The body is read inside the turn, as daprd holds the actor until the app has answered.
    /// </summary>
    public async Task<HttpResponseMessage> CallAsync(ActorKey actor, string path, HttpContent? content, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        using var turn = await Turns.EnterAsync(actor, cancellationToken);
        var host = HostOf(actor);
        _active[actor] = mesh.Clock.GetUtcNow();
        _activeOn[actor] = host;
        using var request = new HttpRequestMessage(HttpMethod.Put, $"actors/{Uri.EscapeDataString(actor.Type)}/{Uri.EscapeDataString(actor.Id)}/method/{path}")
        {
            Content = content ?? new ByteArrayContent([]),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await host.Channel.SendAsync(request, cancellationToken);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>DELETE /actors/{type}/{id} on the host, as daprd does for an idle actor; its timers go with it.</summary>
    public async Task DeactivateAsync(ActorKey actor, CancellationToken cancellationToken = default)
    {
        using var turn = await Turns.EnterAsync(actor, cancellationToken);
        _active.TryRemove(actor, out _);
        if (!_activeOn.TryRemove(actor, out var host))
        {
            return;
        }

        foreach (var timer in _schedules.Values.Where(s => s.Actor == actor && !s.IsReminder))
        {
            Remove(actor, timer.Name, isReminder: false);
        }

        using var request = new HttpRequestMessage(HttpMethod.Delete, $"actors/{Uri.EscapeDataString(actor.Type)}/{Uri.EscapeDataString(actor.Id)}");
        using var response = await host.Channel.SendAsync(request, cancellationToken);
    }

    public void Schedule(ActorKey actor, string name, bool isReminder, JsonObject body)
    {
        var host = HostOf(actor);
        Remove(actor, name, isReminder);
        var now = mesh.Clock.GetUtcNow();
        var due = DaprSchedule.Due(body["dueTime"]?.GetValue<string>(), now);
        var (period, repetitions) = DaprSchedule.Period(body["period"]?.GetValue<string>());
        var entry = new ActorSchedule(actor, name, isReminder, body.ToJsonString());
        _schedules[(actor, name, isReminder)] = entry;
        entry.Timer = host.Scheduler.Schedule(due, period, ct => FireAsync(entry, repetitions, ct));
    }

    public ActorSchedule? Find(ActorKey actor, string name, bool isReminder) => _schedules.GetValueOrDefault((actor, name, isReminder));

    public bool Remove(ActorKey actor, string name, bool isReminder)
    {
        if (!_schedules.TryRemove((actor, name, isReminder), out var entry))
        {
            return false;
        }

        entry.Timer?.Dispose();
        return true;
    }

    /// <summary>The store holding actor state: the state component with actorStateStore "true".</summary>
    public InMemoryStateStore StateStore(string appId) =>
        mesh.Components.VisibleTo(appId).FirstOrDefault(c => c.Type.StartsWith("state.", StringComparison.Ordinal) && c.Value("actorStateStore") == "true")
            is { } component
            ? mesh.StateStore(component.Name)
            : throw new DaprApiException("ERR_ACTOR_STATE_STORE_NOT_FOUND", "actors: state store does not exist or incorrectly configured", 500, global::Grpc.Core.StatusCode.FailedPrecondition);

    public static string StateKey(string appId, ActorKey actor, string key) => $"{appId}||{actor.Type}||{actor.Id}||{key}";

    private async Task FireAsync(ActorSchedule entry, int? repetitions, CancellationToken cancellationToken)
    {
        entry.Fired++;
        if (repetitions is { } max && entry.Fired >= max)
        {
            Remove(entry.Actor, entry.Name, entry.IsReminder);
        }

        var gate = _deliveryGates.GetOrAdd(HostOf(entry.Actor).AppId, _ => new SemaphoreSlim(MaxConcurrentDeliveries));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var path = (entry.IsReminder ? "remind/" : "timer/") + Uri.EscapeDataString(entry.Name);
            using var content = new StringContent(entry.Body, Encoding.UTF8, "application/json");
            using var response = await CallAsync(entry.Actor, path, content, [], cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task DeactivateIdleAsync(TestSidecar host, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        var now = mesh.Clock.GetUtcNow();
        foreach (var (actor, lastUsed) in _active.ToList())
        {
            if (_activeOn.GetValueOrDefault(actor) == host && now - lastUsed >= idleTimeout)
            {
                await DeactivateAsync(actor, cancellationToken);
            }
        }
    }
}
