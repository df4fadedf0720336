namespace AirisEpm.AlertService.Domain.Correlation;

/// <summary>
/// Groups alerts into incidents. Two alerts are linked when their starts are within the window
/// and they share a group key, name the same service, or name services joined by a dependency
/// edge; incidents are the connected components (so a chain of linked alerts is one incident).
/// Alerts are scanned in start order, each linked only to the latest earlier alert of the same
/// group, the same service and each neighbour service: O(alerts × degree), no pairwise scan.
/// </summary>
public static class AlertCorrelator
{
    public static IReadOnlyList<CorrelatedIncident> Correlate(IReadOnlyList<CorrelationCandidate> candidates, ServiceGraph graph, CorrelationOptions? options = null)
    {
        var window = (options ?? new CorrelationOptions()).Window;
        var sorted = candidates.OrderBy(c => c.Alert.StartsAt).ThenBy(c => c.Alert.Fingerprint).ToList();
        var sets = new DisjointSets(sorted.Count);
        var lastByGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        var lastByService = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sorted.Count; i++)
        {
            var at = sorted[i].Alert.StartsAt;
            void LinkTo(Dictionary<string, int> last, string key)
            {
                if (last.TryGetValue(key, out var j) && at - sorted[j].Alert.StartsAt <= window) sets.Union(i, j);
            }
            LinkTo(lastByGroup, sorted[i].GroupKey);
            var service = sorted[i].Service;
            if (service.Length > 0)
            {
                LinkTo(lastByService, service);
                foreach (var neighbour in graph.NeighboursOf(service)) LinkTo(lastByService, neighbour);
                lastByService[service] = i;
            }
            lastByGroup[sorted[i].GroupKey] = i;
        }
        return Enumerable.Range(0, sorted.Count)
            .GroupBy(sets.Find)
            .Select(component => ToIncident(component.Select(i => sorted[i]).ToList(), graph))
            .OrderBy(incident => incident.StartsAt)
            .ToList();
    }

    private static CorrelatedIncident ToIncident(List<CorrelationCandidate> members, ServiceGraph graph)
    {
        var firstStart = members
            .Where(m => m.Service.Length > 0)
            .GroupBy(m => m.Service, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(m => m.Alert.StartsAt), StringComparer.Ordinal);
        return new CorrelatedIncident(
            members.Select(m => m.Alert.Fingerprint).ToList(),
            members.Select(m => m.GroupKey).Distinct(StringComparer.Ordinal).ToList(),
            firstStart.Keys.Order(StringComparer.Ordinal).ToList(),
            members.Min(m => m.Alert.StartsAt),
            RootCauseFinder.Suggest(firstStart, graph));
    }
}
