using System.Collections.Concurrent;

namespace AirisEpm.MetricsService.Prometheus.SideData;

/// <summary>
/// Keeps what the ingest paths bring besides samples. Prometheus sends the same metadata every minute, so entries
/// this process has already stored are not written again; exemplars are always written.
/// </summary>
public sealed class SideDataRecorder(IPrometheusSideStore store)
{
    private readonly ConcurrentDictionary<MetricMetadata, bool> _known = new();

    public async Task RecordAsync(IReadOnlyList<MetricMetadata> metadata, IReadOnlyList<StoredExemplar> exemplars, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(exemplars);
        var fresh = metadata.Distinct().Where(m => !_known.ContainsKey(m)).ToList();
        if (fresh.Count > 0)
        {
            await store.AddMetadataAsync(fresh, cancellationToken);
            foreach (var m in fresh)
            {
                _known.TryAdd(m, true);
            }
        }

        if (exemplars.Count > 0)
        {
            await store.AddExemplarsAsync(exemplars, cancellationToken);
        }
    }
}
