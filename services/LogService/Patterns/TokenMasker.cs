using System.Buffers;

namespace AirisEpm.LogService.Patterns;

/// <summary>
/// Masks the variable parts of one whitespace-delimited token, keeping its structure:
/// <list type="number">
/// <item>Wrapping punctuation stays: leading <c>( [ { &lt; " '</c> and trailing <c>) ] } &gt; " ' , ; . : ! ?</c>
/// (<c>[10.0.0.1]</c> → <c>[&lt;*&gt;]</c>, <c>ready.</c> keeps its dot).</item>
/// <item>A core that is a value as a whole (<see cref="VariableShapes"/>) becomes <c>&lt;*&gt;</c>.</item>
/// <item>A name followed by <c>=</c>, <c>(</c> or <c>:</c> is kept and what follows is masked the same way
/// (<c>uid=0</c> → <c>uid=&lt;*&gt;</c>, <c>chdir(/p/gb1)</c> → <c>chdir(&lt;*&gt;)</c>); a value that is a
/// plain word stays (<c>user=root</c>), as it often names a distinct event (<c>state=FAILED</c>) and
/// similarity generalises it where it varies.</item>
/// <item>Otherwise every run of letters and digits that holds a digit becomes <c>&lt;*&gt;</c>, a sign
/// directly before such a run joins it, and adjacent wildcards merge: <c>blk_-456</c> and <c>blk_123</c>
/// both give <c>blk_&lt;*&gt;</c>, <c>appattempt_1445_0020_000001</c> gives
/// <c>appattempt_&lt;*&gt;_&lt;*&gt;_&lt;*&gt;</c>, <c>R02-M1-N0</c> gives <c>&lt;*&gt;</c>.</item>
/// </list>
/// </summary>
internal static class TokenMasker
{
    public const string Wildcard = "<*>";

    private const int MaxNames = 8;

    private static readonly SearchValues<char> Separators = SearchValues.Create("=(:");

    /// <summary>
    /// Writes the masked <paramref name="token"/> into the current token of <paramref name="into"/>;
    /// <paramref name="wholeVariable"/> masks the whole core. Returns whether a wildcard was written.
    /// </summary>
    public static bool Mask(ReadOnlySpan<char> token, MaskedLine into, bool wholeVariable)
    {
        var (start, end) = CoreBounds(token);
        into.Append(token[..start]);
        var core = token[start..end];
        bool masked;
        if (wholeVariable)
        {
            AppendWildcard(into);
            masked = true;
        }
        else
        {
            masked = MaskCore(core, into);
        }

        into.Append(token[end..]);
        return masked;
    }

    /// <summary>Where the core starts and ends once wrapping punctuation is set aside.</summary>
    public static (int Start, int End) CoreBounds(ReadOnlySpan<char> token)
    {
        int start = 0, end = token.Length;
        while (start < end && IsOpening(token[start]))
        {
            start++;
        }

        while (end > start && token[end - 1] is ')' or ']' or '}' or '>' or '"' or '\'' or ',' or ';' or '.' or ':' or '!' or '?')
        {
            end--;
        }

        return (start, end);
    }

    private static bool IsOpening(char c) => c is '(' or '[' or '{' or '<' or '"' or '\'';

    /// <summary>
    /// A value as a whole, or a name followed by <c>=</c>, <c>(</c> or <c>:</c> and the rest masked the
    /// same way (<c>uid=0</c>, <c>chdir(/p/gb1)</c>, <c>size:1.5</c>), or digit runs.
    /// </summary>
    private static bool MaskCore(ReadOnlySpan<char> core, MaskedLine into)
    {
        var masked = false;
        for (var names = 0; ; names++)
        {
            if (core.Length > 0 && VariableShapes.IsVariable(core))
            {
                AppendWildcard(into);
                return true;
            }

            // Past a few names the rest is digit runs: each split re-tests the rest, which must stay linear.
            var separator = names < MaxNames ? core.IndexOfAny(Separators) : -1;
            if (separator <= 0)
            {
                return MaskDigitRuns(core, into) | masked;
            }

            masked |= MaskDigitRuns(core[..(separator + 1)], into);
            core = core[(separator + 1)..];
            var opening = 0;
            while (opening < core.Length && IsOpening(core[opening]))
            {
                opening++;
            }

            into.Append(core[..opening]);
            core = core[opening..];
        }
    }

    private static bool MaskDigitRuns(ReadOnlySpan<char> core, MaskedLine into)
    {
        var masked = false;
        var i = 0;
        while (i < core.Length)
        {
            var start = i;
            var letters = char.IsLetterOrDigit(core[i]);
            var digit = false;
            while (i < core.Length && char.IsLetterOrDigit(core[i]) == letters)
            {
                digit |= char.IsAsciiDigit(core[i]) || (core[i] > '\u007f' && char.IsDigit(core[i]));
                i++;
            }

            if (letters && digit)
            {
                AppendWildcard(into);
                masked = true;
            }
            else
            {
                into.Append(core[start..i]);
            }
        }

        return masked;
    }

    /// <summary>Appends <c>&lt;*&gt;</c>, taking in a sign before it and merging with a wildcard before that.</summary>
    private static void AppendWildcard(MaskedLine into)
    {
        var written = into.CurrentToken;
        if (written.Length > 0 && written[^1] is '-' or '+' && (written.Length == 1 || !char.IsLetterOrDigit(written[^2])))
        {
            into.Truncate(1);
            written = into.CurrentToken;
        }

        if (!written.EndsWith(Wildcard))
        {
            into.Append(Wildcard);
        }
    }
}
