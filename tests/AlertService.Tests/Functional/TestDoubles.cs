using System.Collections.Concurrent;
using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Dispatch;

namespace AirisEpm.AlertService.Tests.Functional;

public sealed class InMemoryEngineStateStore : IEngineStateStore
{
    public EngineSnapshot? Saved { get; set; }

    public int Saves { get; private set; }

    /// <summary>When set, loading fails with it (a sidecar that is not up yet).</summary>
    public Exception? LoadFailure { get; set; }

    public Task<EngineSnapshot?> LoadAsync(CancellationToken cancellationToken) =>
        LoadFailure is { } failure ? Task.FromException<EngineSnapshot?>(failure) : Task.FromResult(Saved);

    public Task SaveAsync(EngineSnapshot snapshot, CancellationToken cancellationToken)
    {
        Saved = snapshot;
        Saves++;
        return Task.CompletedTask;
    }

    public int Appends { get; private set; }

    /// <summary>When set, appending fails with it (the state store refused the delta).</summary>
    public Exception? AppendFailure { get; set; }

    public Task AppendAsync(EngineDelta delta, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delta);
        if (AppendFailure is { } failure) return Task.FromException(failure);
        Saved = delta.ApplyTo(Saved ?? throw new InvalidOperationException("a delta before any snapshot"));
        Appends++;
        return Task.CompletedTask;
    }
}

public sealed class InMemorySilenceStateStore : ISilenceStateStore
{
    public ConcurrentDictionary<string, SilenceRecord> Saved { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, saving fails with it (a state store that is down).</summary>
    public Exception? SaveFailure { get; set; }

    public Task SaveAsync(IReadOnlyList<SilenceRecord> silences, Func<SilenceRecord, DateTimeOffset> purgeAt, CancellationToken cancellationToken)
    {
        if (SaveFailure is { } failure) return Task.FromException(failure);
        foreach (var silence in silences) Saved[silence.Id] = silence;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SilenceRecord>> LoadAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SilenceRecord>>([.. Saved.Values]);
}

public sealed class InMemoryAlertingConfigStore : IAlertingConfigStore
{
    private int _version;

    public StoredAlertingConfig? Saved { get; set; }

    /// <summary>Set to make the next save find another writer's configuration (an ETag conflict).</summary>
    public bool ConflictOnNextSave { get; set; }

    public Task<StoredAlertingConfig?> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(Saved);

    public Task<(StoredAlertingConfig? Config, string? ETag)> LoadForUpdateAsync(CancellationToken cancellationToken) =>
        Task.FromResult<(StoredAlertingConfig?, string?)>((Saved, Saved is null ? null : _version.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public Task<bool> TrySaveAsync(StoredAlertingConfig config, string? etag, CancellationToken cancellationToken)
    {
        var current = Saved is null ? null : _version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (ConflictOnNextSave || current != etag)
        {
            ConflictOnNextSave = false;
            return Task.FromResult(false);
        }

        Saved = config;
        _version++;
        return Task.FromResult(true);
    }
}

public sealed class InMemoryEscalationPolicyRepository : AirisEpm.AlertService.Escalation.IEscalationPolicyRepository
{
    private readonly ConcurrentDictionary<string, AirisEpm.AlertService.Escalation.EscalationPolicy> _policies = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<AirisEpm.AlertService.Escalation.EscalationPolicy>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AirisEpm.AlertService.Escalation.EscalationPolicy>>([.. _policies.Values.OrderBy(p => p.Name, StringComparer.Ordinal)]);

    public Task<AirisEpm.AlertService.Escalation.EscalationPolicy?> GetAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(_policies.GetValueOrDefault(name));

    public Task SaveAsync(AirisEpm.AlertService.Escalation.EscalationPolicy policy, CancellationToken cancellationToken)
    {
        _policies[policy.Name] = policy;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) => Task.FromResult(_policies.TryRemove(name, out _));
}

/// <summary>Records what the engine decided to deliver; <see cref="Succeed"/> false simulates a failed delivery.</summary>
public sealed class RecordingGroupNotifier : IGroupNotifier
{
    public ConcurrentQueue<NotificationDue> Sent { get; } = new();

    public bool Succeed { get; set; } = true;

    /// <summary>When set, delivery throws it (an unexpected failure inside a notifier).</summary>
    public Exception? Failure { get; set; }

    public Task<DeliveryOutcome> NotifyAsync(NotificationDue due, CancellationToken cancellationToken)
    {
        Sent.Enqueue(due);
        if (Failure is { } failure) return Task.FromException<DeliveryOutcome>(failure);
        return Task.FromResult(Succeed ? DeliveryOutcome.Delivered : new DeliveryOutcome(due.Integrations, "refused by the test"));
    }
}

public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> for up to 10 s (real time: the host starts on thread-pool threads).</summary>
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting until {what}.");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
