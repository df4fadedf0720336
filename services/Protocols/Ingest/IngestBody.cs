using Microsoft.AspNetCore.Http;

namespace AirisEpm.Protocols.Ingest;

/// <summary>A request body read whole within the limits, decoded when its Content-Encoding is gzip or snappy.</summary>
public static class IngestBody
{
    public static async Task<PooledBuffer> ReadAsync(HttpRequest request, IIngestLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        var encoding = request.Headers.ContentEncoding.ToString();
        var body = await PooledBuffer.ReadAsync(request.Body, request.ContentLength, limits.MaxBodyBytes, cancellationToken);
        if (encoding.Length == 0 || encoding.Equals("identity", StringComparison.OrdinalIgnoreCase)) return body;
        using (body)
        {
            if (encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            {
                return await BodyDecompression.GzipAsync(body.Memory, limits.MaxDecompressedBytes, cancellationToken);
            }

            if (encoding.Equals("snappy", StringComparison.OrdinalIgnoreCase))
            {
                return BodyDecompression.Snappy(body.Span, limits.MaxDecompressedBytes);
            }
        }

        throw new UnsupportedEncodingException(encoding);
    }

    public static bool IsMediaType(HttpRequest request, string mediaType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request?.ContentType, out var type)
        && type.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A Content-Encoding the endpoint does not decode (415).</summary>
public sealed class UnsupportedEncodingException(string encoding)
    : Exception($"Content-Encoding '{encoding}' is not supported; send gzip, snappy or none.");
