using System.Net.Http.Headers;

namespace AirisEpm.Benchmarks;

/// <summary>
/// One prepared request carrying <see cref="Items"/> records (lines, spans, samples): built once, sent many times.
/// A POST of <see cref="Bytes"/> unless made by <see cref="Get"/>; <see cref="ContentEncoding"/> is sent as is (e.g. snappy).
/// </summary>
internal sealed record RequestBody(string Path, string ContentType, byte[] Bytes, int Items, string? ContentEncoding = null)
{
    /// <summary>True for a read made by <see cref="Get"/>: no body is sent.</summary>
    public bool IsGet { get; private init; }

    /// <summary>A GET of <paramref name="path"/>, counted as one item.</summary>
    public static RequestBody Get(string path) => new(path, "", [], 1) { IsGet = true };

    public HttpContent Content()
    {
        var content = new ByteArrayContent(Bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        if (ContentEncoding is not null)
        {
            content.Headers.ContentEncoding.Add(ContentEncoding);
        }

        return content;
    }

    public Task<HttpResponseMessage> SendAsync(HttpClient client) =>
        IsGet ? client.GetAsync(Path) : client.PostAsync(Path, Content());
}
