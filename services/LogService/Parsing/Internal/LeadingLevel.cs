using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>
/// A level word near the start of otherwise unstructured text: among the first three words (runs of
/// letters and digits containing a letter) within the first 64 characters. Level words are also
/// English words ("alert", "notice", "critical"), so past the first word one counts only when
/// written in capitals or set off as a level usually is (<c>[WARN]</c>, <c>&lt;error&gt;</c>, <c>ERROR:</c>, <c>(info)</c>, <c>warn|</c>).
/// </summary>
internal static class LeadingLevel
{
    private const int MaxWords = 3;
    private const int Window = 64;

    public static Severity Find(ReadOnlySpan<char> text)
    {
        var limit = Math.Min(text.Length, Window);
        var words = 0;
        var i = 0;
        while (words < MaxWords)
        {
            while (i < limit && !char.IsAsciiLetterOrDigit(text[i])) i++;
            if (i >= limit) break;
            var start = i;
            while (i < text.Length && i - start <= SeverityParser.MaxNameLength && char.IsAsciiLetterOrDigit(text[i])) i++;
            var word = text[start..i];
            if (!word.ContainsAnyInRange('A', 'Z') && !word.ContainsAnyInRange('a', 'z')) continue;
            var level = SeverityParser.Parse(word);
            if (level != Severity.Unknown && (words == 0 || IsSetOff(text, start, i) || !word.ContainsAnyInRange('a', 'z'))) return level;
            words++;
            // A word longer than any level name may continue past what was read; skip the rest of it.
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i])) i++;
        }
        return Severity.Unknown;
    }

    private static bool IsSetOff(ReadOnlySpan<char> text, int start, int end) =>
        (start > 0 && text[start - 1] is '[' or '<' or '(') || (end < text.Length && text[end] is ']' or '>' or ')' or ':' or '|');
}
