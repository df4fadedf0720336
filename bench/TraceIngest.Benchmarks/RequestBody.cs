using System.Net.Http.Headers;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>One prepared request: its bytes are built once and sent many times.</summary>
internal sealed record RequestBody(string Path, string ContentType, byte[] Bytes, int Spans)
{
    public HttpContent Content()
    {
        var content = new ByteArrayContent(Bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        return content;
    }
}
