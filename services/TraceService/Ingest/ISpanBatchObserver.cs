using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Ingest;

/// <summary>
/// Told of each ingest batch once the store holds it (span metrics; the dependency graph), exactly once per durable batch:
/// a batch whose write failed and is retried is told once, after the write that succeeded. Runs on the writer's flush path,
/// so it must be quick and must not throw (a throw is logged; the batch stays acknowledged).
/// </summary>
public interface ISpanBatchObserver
{
    void OnDurable(IReadOnlyList<Span> batch);
}
