using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// Up to three fragments of a message around what the query's text matched, HTML-escaped, each match
/// wrapped in <c>&lt;em&gt;…&lt;/em&gt;</c> (Elasticsearch's default tags). Escaped are exactly
/// <c>&amp; &lt; &gt; " '</c>, so a fragment can go into HTML as it is and reads as the message elsewhere.
/// The message is re-analysed, so this costs one tokenisation per hit on the page.
/// </summary>
internal static class LogHighlights
{
    private const int MaxFragments = 3;
    private const int FragmentSize = 150;

    public static IReadOnlyList<string> For(Query? text, string message)
    {
        if (text is null || message.Length == 0)
        {
            return [];
        }

        var scorer = new QueryScorer(text, LogFieldNames.Message);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<em>", "</em>"), new MarkupEncoder(), scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, FragmentSize),
        };
        using var tokens = LogAnalyzers.Text.GetTokenStream(LogFieldNames.Message, message);
        try
        {
            return highlighter.GetBestFragments(tokens, message, MaxFragments).Where(f => f.Length > 0).ToArray();
        }
        catch (InvalidTokenOffsetsException)
        {
            return [];
        }
    }
}
