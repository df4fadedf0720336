namespace AirisEpm.MetricsService.Protocols.Otlp.Delta;

/// <summary>
/// Turns delta points into cumulative ones, per series, as OpenTelemetry's data model describes ("Sums: Delta-to-Cumulative")
/// and the collector's deltatocumulative processor does. A series' first point starts its running total. A point whose start
/// is the previous point's time adds to it. A point starting before the total's own start belongs to an older stream and is
/// rejected, as is one not after the last (out of order), except the exact same point again (a client's retry, answered with
/// the total it made, not added twice). Any other start (a gap: a point missed; or a restarted producer) restarts the total
/// from the point, as do buckets that cannot add up; Prometheus sees that as a counter reset. A start of 0 (unknown) adds to
/// the total. A series not seen for <c>DeltaMaxStale</c> is forgotten; past <c>MaxDeltaStreams</c> series, new ones are rejected.
/// <para>The totals live in this process: each replica keeps its own, so a producer must send a series' deltas to one replica
/// (and a restart begins every total again, which reads as one counter reset).</para>
/// </summary>
public sealed class DeltaAccumulator(TimeProvider time, TimeSpan maxStale, int maxStreams)
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<(Type Kind, long Series), Stream> _streams = [];
    private DateTimeOffset _nextSweep = time.GetUtcNow() + SweepInterval;

    public int Count
    {
        get { lock (_gate) { return _streams.Count; } }
    }

    /// <summary>Adds <paramref name="delta"/> to the series' total; returns the total, or why the point is rejected.</summary>
    public DeltaOutcome<T> Add<T>(long series, ulong startNs, ulong timeNs, T delta)
        where T : class, IAccumulable<T>
    {
        ArgumentNullException.ThrowIfNull(delta);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            SweepIfDue(now);
            var key = (typeof(T), series);
            if (!_streams.TryGetValue(key, out var stream) || now - stream.LastSeen > maxStale)
            {
                if (stream is null && _streams.Count >= maxStreams)
                {
                    return new(null, $"more than {maxStreams} delta series are being accumulated; the point of a new one is dropped");
                }

                return Restart(key, startNs, timeNs, delta, now);
            }

            var total = (T)stream.Total;
            if (timeNs == stream.LastTime && startNs == stream.LastStart)
            {
                stream.LastSeen = now;
                return new(total, null);
            }

            if (timeNs <= stream.LastTime)
            {
                return new(null, "a delta point is not after the series' last one (out of order)");
            }

            if (startNs != 0 && startNs < stream.Start)
            {
                return new(null, "a delta point starts before its series' running total does (an older stream)");
            }

            var sum = startNs == stream.LastTime || startNs == 0 ? total.Plus(delta) : null;
            if (sum is null)
            {
                return Restart(key, startNs, timeNs, delta, now);
            }

            stream.Total = sum;
            stream.LastStart = startNs;
            stream.LastTime = timeNs;
            stream.LastSeen = now;
            return new(sum, null);
        }
    }

    /// <summary>Drops the series' total: its producer marked it stale (no recorded value).</summary>
    public void Forget<T>(long series)
        where T : class, IAccumulable<T>
    {
        lock (_gate)
        {
            _streams.Remove((typeof(T), series));
        }
    }

    private DeltaOutcome<T> Restart<T>((Type, long) key, ulong startNs, ulong timeNs, T delta, DateTimeOffset now)
        where T : class, IAccumulable<T>
    {
        _streams[key] = new Stream { Start = startNs, LastStart = startNs, LastTime = timeNs, LastSeen = now, Total = delta };
        return new(delta, null);
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + SweepInterval;
        foreach (var (key, stream) in _streams)
        {
            if (now - stream.LastSeen > maxStale)
            {
                _streams.Remove(key);
            }
        }
    }

    private sealed class Stream
    {
        public ulong Start { get; init; }

        public ulong LastStart { get; set; }

        public ulong LastTime { get; set; }

        public DateTimeOffset LastSeen { get; set; }

        public required object Total { get; set; }
    }
}
