namespace AirisEpm.Protocols.Ingest;

/// <summary>The size limits an ingest endpoint reads its bodies with (each service's ingest options carry them).</summary>
public interface IIngestLimits
{
    /// <summary>Bytes on the wire; more is answered 413.</summary>
    long MaxBodyBytes { get; }

    /// <summary>Bytes after gzip or snappy; more is answered 413.</summary>
    long MaxDecompressedBytes { get; }
}
