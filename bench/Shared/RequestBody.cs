using System.Net.Http.Headers;

namespace AirisEpm.Benchmarks;

/// <summary>One prepared request carrying <see cref="Items"/> records (lines, spans): built once, sent many times.</summary>
internal sealed record RequestBody(string Path, string ContentType, byte[] Bytes, int Items)
{
    public HttpContent Content()
    {
        var content = new ByteArrayContent(Bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        return content;
    }
}
