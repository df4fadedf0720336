namespace AirisEpm.TraceService.Analysis.Anomalies;

/// <summary>
/// Flags latency spikes and error bursts per key (an edge, an operation) bucket by bucket, against a
/// baseline of the key's own recent buckets: the median and MAD of the last
/// <see cref="AnomalyOptions.BaselineBuckets"/> p95s and error rates. Median + MAD rather than an EWMA
/// because an incident inside the window does not drag the baseline with it (the median ignores up to
/// half the window being odd, where an EWMA has absorbed a good part of a five-minute spike by its
/// end, so the spike's tail goes unflagged), and because it needs no warm-up constant: its answer
/// depends only on the last N buckets, which makes it deterministic and easy to replay.
/// <para>
/// Latency: flagged when p95 ≥ median + <see cref="AnomalyOptions.Threshold"/> × σ (σ = 1.4826 × MAD,
/// floored at 5 % of the median, as a series with no spread would make any wobble infinite) and
/// p95 ≥ <see cref="AnomalyOptions.MinLatencyRatio"/> × median. Errors: the expected count is calls ×
/// the median rate; flagged when the excess is ≥ Threshold × σ, with σ the larger of the binomial
/// spread at that rate (floored at 0.5 %) and the rate's own MAD across buckets, and the rate rose by
/// at least <see cref="AnomalyOptions.MinErrorRateIncrease"/> with at least
/// <see cref="AnomalyOptions.MinErrors"/> errors. Buckets under <see cref="AnomalyOptions.MinCalls"/>
/// calls are skipped; a bucket not after the key's last one is ignored (replays are idempotent).
/// Flagged buckets join the baseline too, so a lasting shift becomes the new normal after half a window.
/// </para>
/// </summary>
public sealed class AnomalyDetector<TKey> where TKey : notnull
{
    private readonly AnomalyOptions _options;
    private readonly Dictionary<TKey, History> _history = [];
    private readonly Lock _lock = new();

    public AnomalyDetector(AnomalyOptions? options = null)
    {
        _options = options ?? AnomalyOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MinBaselineBuckets, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.BaselineBuckets, _options.MinBaselineBuckets);
    }

    public IReadOnlyList<Anomaly<TKey>> Observe(TKey key, long bucketStartNs, BucketObservation observation)
    {
        lock (_lock)
        {
            if (!_history.TryGetValue(key, out var history))
                _history[key] = history = new History();
            if (bucketStartNs <= history.LastBucketNs || observation.Calls < _options.MinCalls)
                return [];
            history.LastBucketNs = bucketStartNs;

            var anomalies = new List<Anomaly<TKey>>();
            if (history.Past.Count >= _options.MinBaselineBuckets)
            {
                if (LatencySpike(key, bucketStartNs, observation, history) is { } spike)
                    anomalies.Add(spike);
                if (ErrorBurst(key, bucketStartNs, observation, history) is { } burst)
                    anomalies.Add(burst);
            }
            history.Past.Enqueue(observation);
            if (history.Past.Count > _options.BaselineBuckets)
                history.Past.Dequeue();
            return anomalies;
        }
    }

    private Anomaly<TKey>? LatencySpike(TKey key, long bucketNs, BucketObservation now, History history)
    {
        var (median, sigma) = RobustBaseline.Of(history.Past.Select(p => (double)p.P95Ns));
        sigma = Math.Max(sigma, Math.Max(0.05 * median, 1));
        var score = (now.P95Ns - median) / sigma;
        return score >= _options.Threshold && now.P95Ns >= _options.MinLatencyRatio * median
            ? new Anomaly<TKey>(key, bucketNs, AnomalyKind.LatencySpike, now.P95Ns, median, score)
            : null;
    }

    private Anomaly<TKey>? ErrorBurst(TKey key, long bucketNs, BucketObservation now, History history)
    {
        var (rate, rateSigma) = RobustBaseline.Of(history.Past.Select(p => p.ErrorRate));
        var p = Math.Max(rate, 0.005);
        var sigma = Math.Max(Math.Sqrt(now.Calls * p * (1 - p)), now.Calls * rateSigma);
        var score = (now.Errors - now.Calls * rate) / sigma;
        return score >= _options.Threshold && now.Errors >= _options.MinErrors && now.ErrorRate - rate >= _options.MinErrorRateIncrease
            ? new Anomaly<TKey>(key, bucketNs, AnomalyKind.ErrorBurst, now.ErrorRate, rate, score)
            : null;
    }

    private sealed class History
    {
        public long LastBucketNs { get; set; } = long.MinValue;

        public Queue<BucketObservation> Past { get; } = new();
    }
}
