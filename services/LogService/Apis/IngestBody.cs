using AirisEpm.LogService.Ingest;
using AirisEpm.Protocols;

namespace AirisEpm.LogService.Apis;

/// <summary>A request body read whole within the limits, gzip-decoded when its Content-Encoding says so.</summary>
internal static class IngestBody
{
    public static async Task<PooledBuffer> ReadAsync(HttpRequest request, LogIngestOptions options, CancellationToken cancellationToken)
    {
        var encoding = request.Headers.ContentEncoding.ToString();
        var body = await PooledBuffer.ReadAsync(request.Body, request.ContentLength, options.MaxBodyBytes, cancellationToken);
        if (encoding.Length == 0 || encoding.Equals("identity", StringComparison.OrdinalIgnoreCase)) return body;
        using (body)
        {
            if (encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            {
                return await BodyDecompression.GzipAsync(body.Memory, options.MaxDecompressedBytes, cancellationToken);
            }

            if (encoding.Equals("snappy", StringComparison.OrdinalIgnoreCase))
            {
                return BodyDecompression.Snappy(body.Span, options.MaxDecompressedBytes);
            }
        }

        throw new UnsupportedEncodingException(encoding);
    }

    public static bool IsMediaType(HttpRequest request, string mediaType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A Content-Encoding the endpoint does not decode (415).</summary>
internal sealed class UnsupportedEncodingException(string encoding)
    : Exception($"Content-Encoding '{encoding}' is not supported; send gzip, snappy (Loki protobuf) or none.");
