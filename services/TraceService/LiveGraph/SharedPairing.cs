using System.Collections.Concurrent;
using AirisEpm.TraceService.Analysis.Dependencies;

namespace AirisEpm.TraceService.LiveGraph;

/// <summary>
/// Pairs the halves the extractor handed off (<see cref="DependencyExtractor.TakeShared"/>) in the replicas' shared
/// state: each half is one compare-and-swap on its caller's key (<see cref="SharedPair"/>), eight at a time. A half
/// the store refuses is logged and dropped: that call is missed (counted in <see cref="Failed"/>), never doubled.
/// </summary>
public sealed partial class SharedPairing(ISharedPairStore store, ILogger<SharedPairing> logger)
{
    private long _failed;

    /// <summary>Halves the shared state could not take.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>The calls these halves complete, each counted by exactly one replica.</summary>
    public async Task<IReadOnlyList<ServiceCall>> PairAsync(IReadOnlyList<CallHalf> halves, CancellationToken cancellationToken)
    {
        var calls = new ConcurrentQueue<ServiceCall>();
        await Parallel.ForEachAsync(halves, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (half, ct) =>
        {
            try
            {
                var made = await store.UpdateAsync(half.ParentKey, current => half switch
                {
                    CallerHalf caller => SharedPair.WithCaller(current, caller),
                    CalleeHalf callee => SharedPair.WithCallee(current, callee),
                    _ => throw new ArgumentOutOfRangeException(nameof(halves), half.GetType().Name, "an unknown half"),
                }, ct);
                foreach (var call in made) calls.Enqueue(call);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Interlocked.Increment(ref _failed);
                LogPairFailed(logger, e, half.ParentKey);
            }
        });
        return [.. calls];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not pair the half of call {Key} in the shared state; that call is not counted")]
    private static partial void LogPairFailed(ILogger logger, Exception exception, string key);
}
