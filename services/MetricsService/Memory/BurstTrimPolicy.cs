namespace AirisEpm.MetricsService.Memory;

/// <summary>
/// Whether to hand the heap back now. The server GC grows its heap for a burst of ingest (a fleet coming online: new
/// series, their labels, the batches on their way) and keeps the memory committed afterwards, 2–3 times what stays
/// live (measured at 100,000 new series: 316–330 MB committed); Go, under Prometheus, returns such memory in the background.
/// So after a burst (<see cref="HeapTrimOptions.BurstBytes"/> allocated since the last trim), at the first quiet check
/// (<see cref="HeapTrimOptions.QuietBytes"/>) and at most once per <see cref="HeapTrimOptions.MinimumGap"/>, one
/// aggressive collection compacts and decommits. Steady ingest never goes quiet, so it never pays the pause. Pure.
/// </summary>
public sealed class BurstTrimPolicy(HeapTrimOptions options)
{
    private long _allocatedAtTrim;
    private long _allocatedAtCheck;
    private DateTimeOffset _trimmedAt = DateTimeOffset.MinValue;

    /// <summary>Called each check with the process's total allocated bytes so far; true means trim now (and counts as done).</summary>
    public bool ShouldTrim(long allocatedBytes, DateTimeOffset now)
    {
        var sinceCheck = allocatedBytes - _allocatedAtCheck;
        _allocatedAtCheck = allocatedBytes;
        var trim = allocatedBytes - _allocatedAtTrim >= options.BurstBytes && sinceCheck < options.QuietBytes && now - _trimmedAt >= options.MinimumGap;
        if (trim)
        {
            (_allocatedAtTrim, _trimmedAt) = (allocatedBytes, now);
        }

        return trim;
    }
}
