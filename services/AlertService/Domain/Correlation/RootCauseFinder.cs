namespace AirisEpm.AlertService.Domain.Correlation;

/// <summary>
/// Picks the deepest failing dependency among an incident's failing services.
/// <code>
///   web ──► checkout ──► payments ──► db        failing: web, checkout, db
///                    └─► cart                   root cause: db (no failing callee)
/// </code>
/// Candidates are failing services none of whose callees fail (if a dependency cycle leaves
/// none, every failing service is a candidate). Ties are broken, in order, by: most failing
/// services that reach the candidate through failing callees (it explains the most), then the
/// earliest first alert (failures propagate upward over time), then the service name (ordinal),
/// so the choice is deterministic.
/// </summary>
public static class RootCauseFinder
{
    public static RootCauseSuggestion? Suggest(IReadOnlyDictionary<string, DateTimeOffset> failingSince, ServiceGraph graph)
    {
        if (failingSince.Count == 0) return null;
        var failing = failingSince.Keys.ToHashSet(StringComparer.Ordinal);
        var leaves = failing.Where(s => !graph.CalleesOf(s).Any(failing.Contains)).ToList();
        var inCycle = leaves.Count == 0;
        var candidates = inCycle ? [.. failing] : leaves;
        var best = candidates
            .Select(s => (Service: s, Explains: CountFailingDependents(s, failing, graph), Since: failingSince[s]))
            .OrderByDescending(c => c.Explains)
            .ThenBy(c => c.Since)
            .ThenBy(c => c.Service, StringComparer.Ordinal)
            .First();
        var reason = inCycle
            ? $"failing services depend on each other in a cycle; {best.Service} explains {best.Explains} of them and failed first"
            : best.Explains == 0
                ? $"{best.Service} has no failing dependency; no failing service depends on it, chosen as the earliest failing service"
                : $"{best.Service} has no failing dependency and {best.Explains} failing service(s) depend on it";
        return new RootCauseSuggestion(best.Service, reason);
    }

    /// <summary>How many other failing services reach <paramref name="service"/> through failing callers.</summary>
    private static int CountFailingDependents(string service, HashSet<string> failing, ServiceGraph graph)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { service };
        var queue = new Queue<string>([service]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var caller in graph.CallersOf(current))
            {
                if (failing.Contains(caller) && seen.Add(caller)) queue.Enqueue(caller);
            }
        }
        return seen.Count - 1;
    }
}
