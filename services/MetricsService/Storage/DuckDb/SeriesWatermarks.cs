namespace AirisEpm.MetricsService.Storage.DuckDb;

/// <summary>
/// An upper bound on the newest stored timestamp of each series, so the writer knows without a query
/// that a batch cannot overwrite anything: every sample newer than its series' watermark is new. The
/// embedded store's single writer advances it after each commit; at start it is loaded from the raw
/// samples at or after a floor, and every series without a sample since the floor is bounded by the floor.
/// </summary>
internal sealed class SeriesWatermarks(long floorMs)
{
    private readonly Dictionary<long, long> _newest = [];

    public int Count => _newest.Count;

    /// <summary>Records stored timestamps (after a commit, or when loading at start).</summary>
    public void Advance(long seriesId, long ts)
    {
        if (!_newest.TryGetValue(seriesId, out var newest) || ts > newest)
        {
            _newest[seriesId] = ts;
        }
    }

    /// <summary>
    /// True when every sample is newer than anything stored for its series. <paramref name="brandNew"/> tells
    /// which series have never been stored (no bound applies to them).
    /// </summary>
    public bool AllNew(IEnumerable<(long Series, long Ts)> samples, Func<long, bool> brandNew)
    {
        foreach (var (series, ts) in samples)
        {
            var bound = _newest.TryGetValue(series, out var newest) ? Math.Max(newest, floorMs) : floorMs;
            if (ts <= bound && !brandNew(series))
            {
                return false;
            }
        }

        return true;
    }
}
