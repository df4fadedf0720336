namespace AirisEpm.LogService.Patterns;

/// <summary>
/// Masks the variable parts of one whitespace-delimited token, keeping its structure:
/// <list type="number">
/// <item>Wrapping punctuation stays: leading <c>( [ { &lt; " '</c> and trailing <c>) ] } &gt; " ' , ; . : ! ?</c>
/// (<c>[10.0.0.1]</c> → <c>[&lt;*&gt;]</c>, <c>ready.</c> keeps its dot).</item>
/// <item>A core that is a value as a whole (<see cref="VariableShapes"/>) becomes <c>&lt;*&gt;</c>.</item>
/// <item><c>key=value</c> keeps the key and masks the value when it is a value or holds a digit
/// (<c>uid=0</c> → <c>uid=&lt;*&gt;</c>); a value that is a plain word stays (<c>user=root</c>), as it
/// often names a distinct event (<c>state=FAILED</c>) and similarity generalises it where it varies.</item>
/// <item>Otherwise every run of letters and digits that holds a digit becomes <c>&lt;*&gt;</c>, a sign
/// directly before such a run joins it, and adjacent wildcards merge: <c>blk_-456</c> and <c>blk_123</c>
/// both give <c>blk_&lt;*&gt;</c>, <c>appattempt_1445_0020_000001</c> gives
/// <c>appattempt_&lt;*&gt;_&lt;*&gt;_&lt;*&gt;</c>, <c>R02-M1-N0</c> gives <c>&lt;*&gt;</c>.</item>
/// </list>
/// </summary>
internal static class TokenMasker
{
    public const string Wildcard = "<*>";

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
        if (wholeVariable || VariableShapes.IsVariable(core))
        {
            into.Append(Wildcard);
            masked = true;
        }
        else
        {
            masked = MaskKeyValueOrRuns(core, into);
        }

        into.Append(token[end..]);
        return masked;
    }

    /// <summary>Where the core starts and ends once wrapping punctuation is set aside.</summary>
    public static (int Start, int End) CoreBounds(ReadOnlySpan<char> token)
    {
        int start = 0, end = token.Length;
        while (start < end && token[start] is '(' or '[' or '{' or '<' or '"' or '\'')
        {
            start++;
        }

        while (end > start && token[end - 1] is ')' or ']' or '}' or '>' or '"' or '\'' or ',' or ';' or '.' or ':' or '!' or '?')
        {
            end--;
        }

        return (start, end);
    }

    private static bool MaskKeyValueOrRuns(ReadOnlySpan<char> core, MaskedLine into)
    {
        var equals = core.IndexOf('=');
        if (equals <= 0)
        {
            return MaskDigitRuns(core, into);
        }

        var masked = MaskDigitRuns(core[..equals], into);
        into.Append('=');
        var value = core[(equals + 1)..];
        if (value.IsEmpty)
        {
            return masked;
        }

        var (start, end) = CoreBounds(value);
        var valueCore = value[start..end];
        if (valueCore.Length > 0 && VariableShapes.IsVariable(valueCore))
        {
            into.Append(value[..start]);
            into.Append(Wildcard);
            into.Append(value[end..]);
            return true;
        }

        return MaskDigitRuns(value, into) | masked;
    }

    private static bool MaskDigitRuns(ReadOnlySpan<char> core, MaskedLine into)
    {
        var masked = false;
        var i = 0;
        while (i < core.Length)
        {
            if (!char.IsLetterOrDigit(core[i]))
            {
                into.Append(core[i++]);
                continue;
            }

            var runStart = i;
            var digit = false;
            while (i < core.Length && char.IsLetterOrDigit(core[i]))
            {
                digit |= char.IsDigit(core[i]);
                i++;
            }

            if (digit)
            {
                AppendWildcard(into);
                masked = true;
            }
            else
            {
                into.Append(core[runStart..i]);
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
