using System.ComponentModel.DataAnnotations;

namespace AirisEpm.MetricsService.Memory;

/// <summary>When the managed heap is handed back to the system after a burst (section <c>Metrics:Memory</c>), <see cref="BurstTrimPolicy"/>.</summary>
public sealed class HeapTrimOptions
{
    public const string Section = "Metrics:Memory";

    /// <summary>Off, the runtime keeps what it committed for the burst until it needs it again.</summary>
    public bool TrimAfterBursts { get; set; } = true;

    /// <summary>
    /// A burst is at least this much allocated since the last trim: 64 MB, less than a fleet of 100,000 new series
    /// costs to take in (catalog, head, caches, the batches on their way), more than a quiet minute allocates.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long BurstBytes { get; set; } = 64L << 20;

    /// <summary>Quiet is less than this allocated in one <see cref="CheckInterval"/> (8 MB in 2 s: a few small requests).</summary>
    [Range(1, long.MaxValue)]
    public long QuietBytes { get; set; } = 8L << 20;

    /// <summary>How often the allocation counter is read.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// At most one trim this often, whatever the load: a trim is a full blocking collection (about 0.1–0.2 s at
    /// 100,000 series). 10 s, not a minute: a quiet moment inside a burst (the first seconds of a fleet coming
    /// online) trimmed once and the minute then kept the burst's own heap, 300 MB committed for 170 live, until the next.
    /// </summary>
    public TimeSpan MinimumGap { get; set; } = TimeSpan.FromSeconds(10);
}
