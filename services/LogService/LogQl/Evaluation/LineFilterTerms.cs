using System.Text;
using AirisEpm.LogService.Storage;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// Turns a <c>|= "text"</c> filter into index terms that every matching line must contain, so the store
/// returns fewer records to check. The message index splits text into runs of letters, digits and
/// <c>_</c>, lower-cased (see <c>LogTokenizer</c>). A run of the filter text is known to be a whole indexed
/// token only when the filter holds the characters on both of its sides; known to start one when it holds
/// the character before. So <c>|= "level=error code"</c> gives <c>message:"error"</c> (both sides inside)
/// and nothing for <c>level</c> (its start is unknown) or <c>code</c> (it may go on, and starts
/// one, so <c>message:code*</c>). The terms are a superset test: the filter itself still runs on every
/// returned line (case-sensitive substring, as Loki). Only ASCII runs of at most 255 characters are used,
/// where the index's tokenising and lower-casing are certain to agree.
/// </summary>
public static class LineFilterTerms
{
    private const int MaxTokenLength = 255;

    public static IEnumerable<string> For(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsTokenChar(text, i, out var width))
            {
                i += width;
                continue;
            }

            var start = i;
            var ascii = true;
            while (i < text.Length && IsTokenChar(text, i, out width))
            {
                ascii &= text[i] < 0x80;
                i += width;
            }

            var run = text[start..i];
            if (start == 0 || !ascii || run.Length > MaxTokenLength) continue;
            var lower = run.ToLowerInvariant();
            yield return i < text.Length ? LuceneText.Term(LogFieldNames.Message, lower) : LuceneText.Prefix(LogFieldNames.Message, lower);
        }
    }

    private static bool IsTokenChar(string text, int i, out int width)
    {
        width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        if (text[i] == '_') return true;
        return Rune.TryGetRuneAt(text, i, out var rune) && Rune.IsLetterOrDigit(rune);
    }
}
