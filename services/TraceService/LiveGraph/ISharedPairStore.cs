using AirisEpm.TraceService.Analysis.Dependencies;

namespace AirisEpm.TraceService.LiveGraph;

/// <summary>Where the replicas keep the <see cref="SharedPair"/> of each caller span: one key each, changed only under compare-and-swap.</summary>
public interface ISharedPairStore
{
    /// <summary>
    /// Reads the pair at <paramref name="key"/>, applies <paramref name="change"/> and saves its next value unless the
    /// key changed meanwhile (then reads and applies again); returns the calls of the change that was saved, or none
    /// when the change saved nothing.
    /// </summary>
    Task<IReadOnlyList<ServiceCall>> UpdateAsync(
        string key, Func<SharedPair?, (SharedPair? Next, IReadOnlyList<ServiceCall> Calls)> change, CancellationToken cancellationToken);
}
