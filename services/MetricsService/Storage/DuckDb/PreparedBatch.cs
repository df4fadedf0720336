using System.Buffers;
using AirisEpm.MetricsService.Domain;
using AirisEpm.PromQl.Model;

namespace AirisEpm.MetricsService.Storage.DuckDb;

/// <summary>
/// A batch made ready to write, columnar and grouped by series: each series' samples in time order, one per
/// timestamp (within a batch the later sample wins, as a later batch would), its time span, and the samples that
/// bring series the catalog lacks. Grouping costs one dictionary lookup per sample; everything after it (rollup
/// partials per series, the coarser tier from the finer one, per-name partials from the series ones) works on
/// runs and on far fewer partials than samples. The sample arrays are rented (an applier's batch is hundreds of
/// thousands of samples: megabytes on the large-object heap per write otherwise) and returned on dispose.
/// </summary>
internal sealed class PreparedBatch : IDisposable
{
    private readonly Dictionary<long, int> _indexOf;
    private readonly HashSet<long> _newSeriesIds;

    private PreparedBatch(
        Dictionary<long, int> indexOf, long[] seriesIds, int[] nameIndex, List<string> names, int[] offsets, long[] timestamps, double[] values,
        List<MetricSample> newSeries, long minTs, long maxTs)
    {
        _indexOf = indexOf;
        SeriesIds = seriesIds;
        NameIndex = nameIndex;
        Names = names;
        Offsets = offsets;
        Timestamps = timestamps;
        Values = values;
        NewSeries = newSeries;
        _newSeriesIds = [.. newSeries.Select(s => s.SeriesId)];
        MinTs = minTs;
        MaxTs = maxTs;
    }

    /// <summary>The batch's series, in the order they first appear.</summary>
    public long[] SeriesIds { get; }

    /// <summary>Per series, the index of its metric name in <see cref="Names"/>.</summary>
    public int[] NameIndex { get; }

    /// <summary>The metric names of the batch.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Series <c>s</c>'s samples are at positions <c>Offsets[s]</c> to <c>Offsets[s + 1] - 1</c> of the sample arrays.</summary>
    public int[] Offsets { get; }

    /// <summary>Sample times; only the first <see cref="Count"/> are the batch's (the array is rented).</summary>
    public long[] Timestamps { get; }

    /// <summary>Sample values; only the first <see cref="Count"/> are the batch's (the array is rented).</summary>
    public double[] Values { get; }

    public void Dispose()
    {
        ArrayPool<long>.Shared.Return(Timestamps);
        ArrayPool<double>.Shared.Return(Values);
    }

    /// <summary>Samples after de-duplication.</summary>
    public int Count => Offsets[^1];

    public IReadOnlyCollection<MetricSample> NewSeries { get; }

    public long MinTs { get; }

    public long MaxTs { get; }

    /// <summary>Whether the series was not stored before this batch.</summary>
    public bool IsNewSeries(long seriesId) => _newSeriesIds.Contains(seriesId);

    /// <summary>Each series with its oldest and newest timestamp in the batch.</summary>
    public IEnumerable<(long Series, long OldestTs, long NewestTs)> Spans()
    {
        for (var s = 0; s < SeriesIds.Length; s++)
        {
            yield return (SeriesIds[s], Timestamps[Offsets[s]], Timestamps[Offsets[s + 1] - 1]);
        }
    }

    /// <summary>
    /// One partial per series and bucket of <paramref name="widthMs"/> for the samples at or after <paramref name="oldestMs"/>,
    /// by series then bucket, into <paramref name="into"/> (cleared; a writer reuses one list, which is megabytes for a large batch).
    /// </summary>
    public List<RollupPartial> SeriesPartials(long widthMs, long oldestMs, List<RollupPartial>? into = null)
    {
        var partials = into ?? new List<RollupPartial>(SeriesIds.Length);
        partials.Clear();
        for (var s = 0; s < SeriesIds.Length; s++)
        {
            var open = false;
            var current = default(RollupPartial);
            for (var i = Offsets[s]; i < Offsets[s + 1]; i++)
            {
                var ts = Timestamps[i];
                if (ts < oldestMs || StaleMarker.IsStale(Values[i]))
                {
                    continue;
                }

                var bucket = RollupPartial.BucketOf(ts, widthMs);
                if (open && bucket == current.Bucket)
                {
                    current = current.With(ts, Values[i]);
                    continue;
                }

                if (open)
                {
                    partials.Add(current);
                }

                (current, open) = (RollupPartial.Start(SeriesIds[s], bucket, ts, Values[i]), true);
            }

            if (open)
            {
                partials.Add(current);
            }
        }

        return partials;
    }

    /// <summary>
    /// Partials of a finer tier (by series then bucket, as <see cref="SeriesPartials"/> gives them) merged into buckets of
    /// <paramref name="widthMs"/>, a multiple of theirs: the same statistics as computing them from the samples.
    /// </summary>
    public static List<RollupPartial> Coarsen(List<RollupPartial> finer, long widthMs, List<RollupPartial>? into = null)
    {
        var coarse = into ?? new List<RollupPartial>(finer.Count);
        coarse.Clear();
        foreach (var partial in finer)
        {
            var bucket = RollupPartial.BucketOf(partial.Bucket, widthMs);
            if (coarse.Count > 0 && coarse[^1].SeriesId == partial.SeriesId && coarse[^1].Bucket == bucket)
            {
                coarse[^1] = coarse[^1].Merge(partial);
            }
            else
            {
                coarse.Add(partial with { Bucket = bucket });
            }
        }

        return coarse;
    }

    /// <summary>Series partials merged per metric name and bucket; each result's <see cref="RollupPartial.SeriesId"/> is the name's index in <see cref="Names"/>.</summary>
    public List<RollupPartial> NamePartials(List<RollupPartial> seriesPartials)
    {
        var byName = new Dictionary<(int Name, long Bucket), RollupPartial>();
        foreach (var partial in seriesPartials)
        {
            var name = NameIndex[_indexOf[partial.SeriesId]];
            byName[(name, partial.Bucket)] = byName.TryGetValue((name, partial.Bucket), out var merged)
                ? merged.Merge(partial)
                : partial with { SeriesId = name };
        }

        return [.. byName.Values];
    }

    /// <param name="indexOf">Scratch for the series index (cleared; a writer reuses one, which is large for a large batch).</param>
    public static PreparedBatch From(IReadOnlyList<MetricSample> samples, SeriesCatalog catalog, Dictionary<long, int>? indexOf = null)
    {
        indexOf ??= [];
        indexOf.Clear();
        var seriesOf = ArrayPool<int>.Shared.Rent(samples.Count);
        var ids = new List<long>();
        var nameIndex = new List<int>();
        var counts = new List<int>();
        var names = new List<string>();
        var nameLookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var newSeries = new List<MetricSample>();
        long minTs = long.MaxValue, maxTs = long.MinValue;
        for (var i = 0; i < samples.Count; i++)
        {
            var sample = samples[i];
            if (!indexOf.TryGetValue(sample.SeriesId, out var s))
            {
                indexOf[sample.SeriesId] = s = ids.Count;
                ids.Add(sample.SeriesId);
                counts.Add(0);
                if (!nameLookup.TryGetValue(sample.Name, out var name))
                {
                    nameLookup[sample.Name] = name = names.Count;
                    names.Add(sample.Name);
                }

                nameIndex.Add(name);
                if (!catalog.Contains(sample.SeriesId))
                {
                    newSeries.Add(sample);
                }
            }

            seriesOf[i] = s;
            counts[s]++;
            minTs = Math.Min(minTs, sample.TimestampMs);
            maxTs = Math.Max(maxTs, sample.TimestampMs);
        }

        var offsets = new int[ids.Count + 1];
        for (var s = 0; s < ids.Count; s++)
        {
            offsets[s + 1] = offsets[s] + counts[s];
        }

        // Arrival order within each series, so that of equal timestamps the later sample is the later one here.
        var timestamps = ArrayPool<long>.Shared.Rent(samples.Count);
        var values = ArrayPool<double>.Shared.Rent(samples.Count);
        var cursor = offsets[..^1];
        for (var i = 0; i < samples.Count; i++)
        {
            var at = cursor[seriesOf[i]]++;
            timestamps[at] = samples[i].TimestampMs;
            values[at] = samples[i].Value;
        }

        ArrayPool<int>.Shared.Return(seriesOf);

        Deduplicate(offsets, timestamps, values);
        return new PreparedBatch(indexOf, [.. ids], [.. nameIndex], names, offsets, timestamps, values, newSeries, minTs, maxTs);
    }

    /// <summary>Sorts each series' run by time (stable, so arrival order breaks ties), keeps the last of equal times, and closes the gaps.</summary>
    private static void Deduplicate(int[] offsets, long[] timestamps, double[] values)
    {
        var write = 0;
        for (var s = 0; s + 1 < offsets.Length; s++)
        {
            var (start, end) = (offsets[s], offsets[s + 1]);
            if (!IsIncreasing(timestamps, start, end))
            {
                SortStable(timestamps, values, start, end);
            }

            offsets[s] = write;
            for (var i = start; i < end; i++)
            {
                if (i + 1 < end && timestamps[i + 1] == timestamps[i])
                {
                    continue; // a later sample of the same time follows: it wins
                }

                timestamps[write] = timestamps[i];
                values[write] = values[i];
                write++;
            }
        }

        offsets[^1] = write;
    }

    private static bool IsIncreasing(long[] timestamps, int start, int end)
    {
        for (var i = start + 1; i < end; i++)
        {
            if (timestamps[i] <= timestamps[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private static void SortStable(long[] timestamps, double[] values, int start, int end)
    {
        var order = Enumerable.Range(start, end - start).ToArray();
        Array.Sort(order, (a, b) => timestamps[a] != timestamps[b] ? timestamps[a].CompareTo(timestamps[b]) : a.CompareTo(b));
        var sortedTs = order.Select(i => timestamps[i]).ToArray();
        var sortedValues = order.Select(i => values[i]).ToArray();
        sortedTs.CopyTo(timestamps, start);
        sortedValues.CopyTo(values, start);
    }
}
