using System.ComponentModel.DataAnnotations;

namespace AirisEpm.MetricsService.Protocols;

/// <summary>Limits shared by the remote_write and OTLP decoders (section <c>Metrics:Protocols</c>).</summary>
public sealed class ProtocolOptions
{
    public const string Section = "Metrics:Protocols";

    /// <summary>
    /// Largest compressed body, 32 MB: Prometheus sends at most a few thousand samples per request
    /// (max_samples_per_send 500 by default in 2.42), so this is two orders of magnitude of headroom.
    /// </summary>
    [Range(1024, 1L << 30)]
    public long MaxBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>
    /// Largest body after snappy/gzip decompression, 128 MB: bounds the memory a small "zip bomb"
    /// could make us allocate (snappy compresses at most about 4:1 on real series, much more on zeros).
    /// </summary>
    [Range(1024, 1L << 31)]
    public long MaxDecompressedBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>At most 30 labels per series (besides the name), the same default as the JSON endpoint; more is a cardinality accident.</summary>
    [Range(1, 1000)]
    public int MaxLabelsPerSeries { get; set; } = 30;

    /// <summary>Longest label value, 2,048 characters: longer values are payloads, not identities.</summary>
    [Range(1, 65536)]
    public int MaxLabelValueLength { get; set; } = 2048;

    /// <summary>
    /// Series the remote_write decoder remembers across requests (<c>SeriesCache</c>), about 250 bytes each beside
    /// the labels the store's catalog holds anyway: 1,000,000 covers a large Prometheus fleet; 0 turns it off.
    /// </summary>
    [Range(0, 100_000_000)]
    public int MaxCachedSeries { get; set; } = 1_000_000;
}
