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
}

public sealed class InMemoryAlertingConfigStore : IAlertingConfigStore
{
    public StoredAlertingConfig? Saved { get; set; }

    public Task<StoredAlertingConfig?> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(Saved);

    public Task SaveAsync(StoredAlertingConfig config, CancellationToken cancellationToken)
    {
        Saved = config;
        return Task.CompletedTask;
    }
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
