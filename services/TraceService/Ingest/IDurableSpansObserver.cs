using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Ingest;

/// <summary>
/// Sees every batch of spans once it is durable in the store (<see cref="TraceStoreSink"/> calls it after the
/// write): what is derived from spans never counts spans the store does not hold. Must not throw; must be fast
/// (it runs on the batching writer's flush).
/// </summary>
public interface IDurableSpansObserver
{
    void OnDurable(IReadOnlyList<Span> spans);
}
