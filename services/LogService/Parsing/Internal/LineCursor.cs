namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>
/// A forward-only position in one line. Every method either consumes what it matched and returns
/// true, or leaves <see cref="Pos"/> where it was and returns false, so callers can try a layout on
/// a copy of the cursor and keep the copy only when it matched. Nothing here backtracks: each call
/// looks at each character at most once.
/// </summary>
internal ref struct LineCursor
{
    public readonly ReadOnlySpan<char> Text;
    public int Pos;

    public LineCursor(ReadOnlySpan<char> text, int pos = 0)
    {
        Text = text;
        Pos = pos;
    }

    public readonly bool AtEnd => Pos >= Text.Length;

    /// <summary>The current character, or '\0' at the end (callers never match '\0' as syntax).</summary>
    public readonly char Current => Pos < Text.Length ? Text[Pos] : '\0';

    public readonly char PeekAt(int offset) => Pos + offset < Text.Length ? Text[Pos + offset] : '\0';

    public readonly ReadOnlySpan<char> Rest => Text[Pos..];

    public readonly bool AtSpaceOrEnd => Pos >= Text.Length || Text[Pos] is ' ' or '\t';

    public bool TryChar(char c)
    {
        if (Pos >= Text.Length || Text[Pos] != c) return false;
        Pos++;
        return true;
    }

    public bool TryText(ReadOnlySpan<char> literal)
    {
        if (!Text[Pos..].StartsWith(literal, StringComparison.Ordinal)) return false;
        Pos += literal.Length;
        return true;
    }

    /// <summary>Skips spaces and tabs; returns how many.</summary>
    public int SkipSpaces()
    {
        var start = Pos;
        while (Pos < Text.Length && Text[Pos] is ' ' or '\t') Pos++;
        return Pos - start;
    }

    /// <summary>Exactly <paramref name="count"/> ASCII digits.</summary>
    public bool TryDigits(int count, out int value)
    {
        value = 0;
        if (Pos + count > Text.Length) return false;
        for (var i = 0; i < count; i++)
        {
            var d = Text[Pos + i] - '0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        Pos += count;
        return true;
    }

    /// <summary>One to <paramref name="maxDigits"/> ASCII digits (at most 18, so the value fits).</summary>
    public bool TryNumber(int maxDigits, out long value)
    {
        value = 0;
        var start = Pos;
        while (Pos < Text.Length && Pos - start < maxDigits && char.IsAsciiDigit(Text[Pos])) value = value * 10 + (Text[Pos++] - '0');
        return Pos > start;
    }

    /// <summary>A run of characters up to the next space or tab (may be empty).</summary>
    public ReadOnlySpan<char> Token()
    {
        var start = Pos;
        var end = Text[Pos..].IndexOfAny(' ', '\t');
        Pos = end < 0 ? Text.Length : Pos + end;
        return Text[start..Pos];
    }

    /// <summary>
    /// <c>[inner]</c> with nested brackets balanced (Zookeeper threads read <c>[QuorumPeer[myid=1]/0:...]</c>),
    /// looking at most <paramref name="maxLength"/> characters ahead.
    /// </summary>
    public bool TryBracketed(out ReadOnlySpan<char> inner, int maxLength = 512)
    {
        inner = default;
        if (Current != '[') return false;
        var depth = 0;
        var limit = Math.Min(Text.Length, Pos + maxLength);
        for (var i = Pos; i < limit; i++)
        {
            if (Text[i] == '[') depth++;
            else if (Text[i] == ']' && --depth == 0)
            {
                inner = Text[(Pos + 1)..i];
                Pos = i + 1;
                return true;
            }
        }
        return false;
    }

    /// <summary><c>"inner"</c> with backslash escapes skipped over (not decoded).</summary>
    public bool TryQuoted(out ReadOnlySpan<char> inner)
    {
        inner = default;
        if (Current != '"') return false;
        for (var i = Pos + 1; i < Text.Length; i++)
        {
            if (Text[i] == '\\') i++;
            else if (Text[i] == '"')
            {
                inner = Text[(Pos + 1)..i];
                Pos = i + 1;
                return true;
            }
        }
        return false;
    }
}
