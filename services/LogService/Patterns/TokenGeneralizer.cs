namespace AirisEpm.LogService.Patterns;

/// <summary>
/// The template token that covers a template token and a differing line token. Drain replaces the whole
/// token with a wildcard; here the punctuation-bounded prefix and suffix both share are kept, so templates
/// stay readable and keep their keys: <c>user=root</c> and <c>user=guest</c> give <c>user=&lt;*&gt;</c>,
/// <c>(host)</c> and <c>()</c> give <c>(&lt;*&gt;)</c>, <c>failure;</c> and <c>failures;</c> give
/// <c>&lt;*&gt;;</c> (a kept part never ends inside a word). A kept part never cuts through an existing
/// wildcard, and two wildcards never end up side by side.
/// </summary>
internal static class TokenGeneralizer
{
    private const string Wildcard = TokenMasker.Wildcard;

    /// <summary>The covering token, or null when <paramref name="template"/> already covers <paramref name="token"/>.</summary>
    public static string? Generalize(ReadOnlySpan<char> template, ReadOnlySpan<char> token)
    {
        if (template.SequenceEqual(token) || template.SequenceEqual(Wildcard))
        {
            return null;
        }

        var prefix = template.CommonPrefixLength(token);
        while (prefix > 0 && char.IsLetterOrDigit(template[prefix - 1]))
        {
            prefix--;
        }

        prefix = OutsideWildcards(template, prefix);
        var room = Math.Min(template.Length, token.Length) - prefix;
        var suffix = Math.Min(CommonSuffixLength(template, token), room);
        while (suffix > 0 && char.IsLetterOrDigit(template[^suffix]))
        {
            suffix--;
        }

        suffix = template.Length - OutsideWildcards(template, template.Length - suffix);
        if (prefix + suffix > template.Length)
        {
            (prefix, suffix) = (0, 0);
        }

        var head = template[..prefix];
        var tail = template[^suffix..];
        if (head.EndsWith(Wildcard) && tail.StartsWith(Wildcard))
        {
            tail = tail[Wildcard.Length..];
        }

        var middle = head.EndsWith(Wildcard) || tail.StartsWith(Wildcard) ? "" : Wildcard;
        if (head.Length + middle.Length + tail.Length == template.Length && template.Slice(head.Length, middle.Length).SequenceEqual(middle))
        {
            return null;
        }

        return string.Concat(head, middle, tail);
    }

    /// <summary>Moves a cut that falls inside a wildcard to the wildcard's start.</summary>
    private static int OutsideWildcards(ReadOnlySpan<char> template, int cut)
    {
        for (var start = Math.Max(0, cut - Wildcard.Length + 1); start < cut; start++)
        {
            if (template[start..].StartsWith(Wildcard))
            {
                return start;
            }
        }

        return cut;
    }

    private static int CommonSuffixLength(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[^(n + 1)] == b[^(n + 1)])
        {
            n++;
        }

        return n;
    }
}
