using System.Text;

namespace AirisEpm.AlertService.Domain.Labels;

/// <summary>
/// Parses Alertmanager matcher expressions: <c>{alertname="X",severity=~"crit.*"}</c>,
/// <c>foo!=bar</c>, or a comma-separated list without braces. Values are double-quoted
/// (escapes <c>\" \\ \n \t</c>) or bare (up to the next <c>,</c> or <c>}</c>, trimmed).
/// Errors carry the 0-based position and a reason.
/// </summary>
public static class MatcherParser
{
    public static IReadOnlyList<Matcher> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Reader(text);
        reader.SkipSpace();
        var braced = reader.TryTake('{');
        var matchers = new List<Matcher>();
        while (true)
        {
            reader.SkipSpace();
            if (reader.AtEnd || (braced && reader.Peek == '}')) break;
            matchers.Add(ParseOne(reader));
            reader.SkipSpace();
            if (!reader.TryTake(',')) break;
        }
        reader.SkipSpace();
        if (braced && !reader.TryTake('}')) throw new MatcherException(reader.Position, "missing closing '}'");
        reader.SkipSpace();
        if (!reader.AtEnd) throw new MatcherException(reader.Position, $"unexpected '{reader.Peek}'");
        return matchers;
    }

    /// <summary>Parses exactly one matcher such as <c>severity=~"crit.*"</c>.</summary>
    public static Matcher ParseSingle(string text)
    {
        var matchers = Parse(text);
        return matchers.Count == 1
            ? matchers[0]
            : throw new MatcherException(0, $"expected exactly one matcher, found {matchers.Count}");
    }

    public static bool TryParse(string text, out IReadOnlyList<Matcher> matchers, out MatcherException? error)
    {
        try
        {
            matchers = Parse(text);
            error = null;
            return true;
        }
        catch (MatcherException ex)
        {
            matchers = [];
            error = ex;
            return false;
        }
    }

    private static Matcher ParseOne(Reader reader)
    {
        var start = reader.Position;
        var name = reader.TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (name.Length == 0) throw new MatcherException(start, "expected a label name");
        reader.SkipSpace();
        var opAt = reader.Position;
        MatchOperator type;
        if (reader.TryTake("=~")) type = MatchOperator.Regex;
        else if (reader.TryTake("!~")) type = MatchOperator.NotRegex;
        else if (reader.TryTake("!=")) type = MatchOperator.NotEqual;
        else if (reader.TryTake('=')) type = MatchOperator.Equal;
        else throw new MatcherException(opAt, $"expected one of =, !=, =~, !~ after label name \"{name}\"");
        reader.SkipSpace();
        var valueAt = reader.Position;
        var value = reader.Peek == '"' ? ReadQuoted(reader) : reader.TakeWhile(c => c != ',' && c != '}').TrimEnd();
        return Matcher.Create(name, type, value, type is MatchOperator.Regex or MatchOperator.NotRegex ? valueAt : start);
    }

    private static string ReadQuoted(Reader reader)
    {
        var open = reader.Position;
        reader.TryTake('"');
        var sb = new StringBuilder();
        while (!reader.AtEnd)
        {
            var c = reader.Next();
            if (c == '"') return sb.ToString();
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            if (reader.AtEnd) break;
            var escAt = reader.Position;
            sb.Append(reader.Next() switch
            {
                '"' => '"',
                '\\' => '\\',
                'n' => '\n',
                't' => '\t',
                var other => throw new MatcherException(escAt, $"unknown escape sequence '\\{other}'"),
            });
        }
        throw new MatcherException(open, "unterminated quoted string");
    }

    private sealed class Reader(string text)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        public char Peek => AtEnd ? '\0' : text[Position];

        public char Next() => text[Position++];

        public void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(text[Position])) Position++;
        }

        public bool TryTake(char c)
        {
            if (Peek != c) return false;
            Position++;
            return true;
        }

        public bool TryTake(string s)
        {
            if (string.CompareOrdinal(text, Position, s, 0, s.Length) != 0) return false;
            Position += s.Length;
            return true;
        }

        public string TakeWhile(Func<char, bool> predicate)
        {
            var start = Position;
            while (!AtEnd && predicate(text[Position])) Position++;
            return text[start..Position];
        }
    }
}
