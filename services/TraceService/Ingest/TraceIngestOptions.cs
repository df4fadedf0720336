using System.ComponentModel.DataAnnotations;
using AirisEpm.Protocols.Ingest;

namespace AirisEpm.TraceService.Ingest;

/// <summary>Limits of the span ingest endpoints (section <c>Traces:Ingest</c>).</summary>
public sealed class TraceIngestOptions : IIngestLimits
{
    public const string Section = "Traces:Ingest";

    /// <summary>
    /// 16 MiB on the wire: an SDK exports at most 512 spans per request by default (OTel's
    /// <c>maxExportBatchSize</c>), a few hundred KiB; daprd's Zipkin batches are smaller still.
    /// </summary>
    [Range(1024, 1L << 30)]
    public long MaxBodyBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>64 MiB after gzip: span JSON and protobuf compress 5–10×, so a full compressed body still fits.</summary>
    [Range(1024, 1L << 31)]
    public long MaxDecompressedBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// 100,000 spans per request bound the memory one request holds while it waits for its commit; must
    /// not exceed the writer's capacity, or the request could never be queued.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxSpansPerRequest { get; set; } = 100_000;
}
