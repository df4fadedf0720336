using Lucene.Net.Search.Highlight;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>Escapes the five characters that matter in HTML text and attributes, nothing else.</summary>
internal sealed class MarkupEncoder : IEncoder
{
    public string EncodeText(string originalText) => originalText
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
