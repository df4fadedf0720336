using System.ComponentModel.DataAnnotations;
using AirisEpm.Protocols.Ingest;

namespace AirisEpm.LogService.Ingest;

/// <summary>Limits of the ingest endpoints (section <c>Logs:Ingest</c>).</summary>
public sealed class LogIngestOptions : IIngestLimits
{
    public const string Section = "Logs:Ingest";

    /// <summary>16 MiB on the wire: a Promtail or OTLP batch is a few MiB at most; more is a client bug or an attack.</summary>
    [Range(1024, 1L << 30)]
    public long MaxBodyBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>64 MiB after gzip or snappy: log text compresses ~10×, so a full compressed body still fits.</summary>
    [Range(1024, 1L << 31)]
    public long MaxDecompressedBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>256 KiB per line: longer lines are refused (413) by name rather than cut silently.</summary>
    [Range(256, 16 * 1024 * 1024)]
    public int MaxLineBytes { get; set; } = 256 * 1024;

    /// <summary>100,000 records per request bound the memory one request holds while it waits for its commit.</summary>
    [Range(1, 10_000_000)]
    public int MaxRecordsPerRequest { get; set; } = 100_000;
}
