namespace AirisEpm.LogService.LogQl.Syntax;

/// <summary>
/// Loki's pattern expressions, for the <c>|&gt;</c>/<c>!&gt;</c> line filters and the <c>| pattern</c> parser:
/// literal text and captures <c>&lt;name&gt;</c> (a letter or <c>_</c>, then letters, digits and <c>_</c>;
/// <c>&lt;_&gt;</c> captures without a name); any other <c>&lt;</c> is literal. <see cref="Test"/> is the line
/// filter (every literal in order, each capture between two of them non-empty, the line ending where the
/// pattern does; as in Loki a leading literal may stand anywhere, so <c>"foo &lt;_&gt;"</c> keeps <c>"x foo bar"</c>);
/// <see cref="Captures"/> is the parser (each capture up to the next literal, the last one to the line's end,
/// a literal not found ending the match with the rest of the line). Both are linear in the line.
/// </summary>
public sealed class LinePattern
{
    private readonly IReadOnlyList<Part> _parts;

    private LinePattern(IReadOnlyList<Part> parts) => _parts = parts;

    /// <summary>The names of the named captures, in order.</summary>
    public IReadOnlyList<string> Names => [.. _parts.Where(p => p.Capture is { } c && c != "_").Select(p => p.Capture!)];

    /// <summary>The literal texts, in order: a line a filter keeps contains each.</summary>
    public IReadOnlyList<string> Literals => [.. _parts.Where(p => p.Literal is not null).Select(p => p.Literal!)];

    /// <summary>The pattern of a <c>| pattern</c> parser; throws <see cref="ArgumentException"/> with Loki's reason.</summary>
    public static LinePattern ForParser(string pattern)
    {
        var parts = Split(pattern);
        if (parts.Count == 0) throw new ArgumentException("syntax error: unexpected $end, expecting IDENTIFIER or LITERAL");
        var names = parts.Where(p => p.Capture is { } c && c != "_").Select(p => p.Capture!).ToList();
        if (names.Count == 0) throw new ArgumentException("at least one capture is required");
        RefuseConsecutiveCaptures(parts);
        if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"duplicate capture name ({duplicate.Key}): invalid expression");
        }

        return new LinePattern(parts);
    }

    /// <summary>The pattern of a <c>|&gt;</c> or <c>!&gt;</c> filter (only <c>&lt;_&gt;</c> captures); throws <see cref="ArgumentException"/> with Loki's reason.</summary>
    public static LinePattern ForFilter(string pattern)
    {
        var parts = Split(pattern);
        RefuseConsecutiveCaptures(parts);
        if (parts.FirstOrDefault(p => p.Capture is { } c && c != "_") is { } named)
        {
            throw new ArgumentException($"named captures are not allowed: found '<{named.Capture}>'");
        }

        return new LinePattern(parts);
    }

    /// <summary>Whether <paramref name="line"/> has the pattern's shape (Loki's <c>Matcher.Test</c>).</summary>
    public bool Test(string line)
    {
        if (line.Length == 0 || _parts.Count == 0) return line.Length == 0 && _parts.Count == 0;
        var offset = 0;
        for (var i = 0; i < _parts.Count; i++)
        {
            if (_parts[i].Literal is not { } literal) continue;
            var at = line.IndexOf(literal, offset, StringComparison.Ordinal);
            if (at < 0) return false;
            // A literal right where the previous one ended means an empty capture (or a repeated literal).
            if (i != 0 && at == offset) return false;
            offset = at + literal.Length;
        }

        var endsOnCapture = _parts[^1].Capture is not null;
        return endsOnCapture == (offset != line.Length);
    }

    /// <summary>The values of the named captures found in <paramref name="line"/>, in order; fewer (none) when the line stops matching.</summary>
    public IReadOnlyList<string> Captures(string line)
    {
        var captures = new List<string>();
        if (line.Length == 0 || _parts.Count == 0) return captures;
        var rest = line.AsSpan();
        var i = 0;
        if (_parts[0].Literal is { } first)
        {
            if (!rest.StartsWith(first, StringComparison.Ordinal)) return captures;
            rest = rest[first.Length..];
            i = 1;
        }

        while (i < _parts.Count)
        {
            var capture = _parts[i].Capture!;
            if (i + 1 >= _parts.Count)
            {
                if (capture != "_") captures.Add(rest.ToString());
                return captures;
            }

            var literal = _parts[i + 1].Literal!;
            i += 2;
            var at = rest.IndexOf(literal, StringComparison.Ordinal);
            if (at < 0)
            {
                if (capture != "_") captures.Add(rest.ToString());
                return captures;
            }

            if (capture != "_") captures.Add(rest[..at].ToString());
            rest = rest[(at + literal.Length)..];
        }

        return captures;
    }

    /// <summary>Literal runs and captures, alternating wherever a capture is followed by text.</summary>
    private static List<Part> Split(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var parts = new List<Part>();
        var literal = new System.Text.StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            if (pattern[i] == '<' && CaptureEnd(pattern, i) is { } end)
            {
                if (literal.Length > 0)
                {
                    parts.Add(new Part(literal.ToString(), null));
                    literal.Clear();
                }

                parts.Add(new Part(null, pattern[(i + 1)..end]));
                i = end + 1;
                continue;
            }

            literal.Append(pattern[i]);
            i++;
        }

        if (literal.Length > 0) parts.Add(new Part(literal.ToString(), null));
        return parts;
    }

    /// <summary>The index of the <c>&gt;</c> closing a capture name starting at <paramref name="open"/>, or null.</summary>
    private static int? CaptureEnd(string pattern, int open)
    {
        var i = open + 1;
        if (i >= pattern.Length || !(char.IsAsciiLetter(pattern[i]) || pattern[i] == '_')) return null;
        while (i < pattern.Length && (char.IsAsciiLetterOrDigit(pattern[i]) || pattern[i] == '_')) i++;
        return i < pattern.Length && pattern[i] == '>' ? i : null;
    }

    private static void RefuseConsecutiveCaptures(List<Part> parts)
    {
        for (var i = 0; i + 1 < parts.Count; i++)
        {
            if (parts[i].Capture is { } a && parts[i + 1].Capture is { } b)
            {
                throw new ArgumentException($"found consecutive capture '<{a}><{b}>': invalid expression");
            }
        }
    }

    private sealed record Part(string? Literal, string? Capture);
}
