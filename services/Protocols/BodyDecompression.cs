using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Snappier;

namespace AirisEpm.Protocols;

/// <summary>Snappy block format (remote_write) and gzip (OTLP/HTTP) bodies, bounded in size after decompression.</summary>
public static class BodyDecompression
{
    public static PooledBuffer Snappy(ReadOnlySpan<byte> compressed, long maxDecompressedBytes)
    {
        int length;
        try
        {
            length = Snappier.Snappy.GetUncompressedLength(compressed);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IndexOutOfRangeException)
        {
            throw new MalformedPayloadException("snappy: the body is not snappy block-compressed data (" + e.Message + ")");
        }

        if (length > maxDecompressedBytes)
        {
            throw TooLarge(maxDecompressedBytes);
        }

        var output = new PooledBuffer(length);
        try
        {
            if (!Snappier.Snappy.TryDecompress(compressed, output.GetWritable(length), out var written) || written != length)
            {
                throw new MalformedPayloadException("snappy: the body is corrupt or truncated");
            }

            output.SetLength(written);
            return output;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IndexOutOfRangeException)
        {
            output.Dispose();
            throw new MalformedPayloadException("snappy: the body is corrupt (" + e.Message + ")");
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    public static async Task<PooledBuffer> GzipAsync(ReadOnlyMemory<byte> compressed, long maxDecompressedBytes, CancellationToken cancellationToken)
    {
        await using var gzip = new GZipStream(new MemoryStream(compressed.ToArray(), writable: false), CompressionMode.Decompress);
        try
        {
            return await PooledBuffer.ReadAsync(gzip, null, maxDecompressedBytes, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new MalformedPayloadException("gzip: the body is corrupt (" + e.Message + ")");
        }
    }

    private static BadHttpRequestException TooLarge(long max) =>
        new($"The decompressed body exceeds the limit of {max} bytes.", StatusCodes.Status413PayloadTooLarge);
}
