using System.Text;

namespace AirisEpm.PromQl.Model;

/// <summary>
/// <see cref="Matcher"/>s as Alertmanager writes them. Its expressions (configuration <c>matchers</c>, <c>filter</c>
/// parameters, amtool): <c>{alertname="X",severity=~"crit.*"}</c>, <c>foo!=bar</c>, or a comma-separated list without
/// braces; values double-quoted (escapes <c>\" \\ \n \t</c>) or bare (up to the next <c>,</c> or <c>}</c>, trimmed);
/// label names of the classic form <c>[a-zA-Z_][a-zA-Z0-9_]*</c>. Its API v2 form: <c>isRegex</c> and <c>isEqual</c>.
/// Errors are <see cref="MatcherException"/>s with the 0-based position and a reason.
/// </summary>
public static class AlertmanagerMatchers
{
    /// <summary>Builds one matcher; throws <see cref="MatcherException"/> for a name Alertmanager refuses or a bad regex.</summary>
    public static Matcher Create(string name, MatchOp op, string value, int position = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!LabelNames.IsLegacyLabelName(name))
        {
            throw new MatcherException(position, $"invalid label name \"{name}\": must match [a-zA-Z_][a-zA-Z0-9_]*");
        }

        return Matcher.TryCreate(name, op, value, out var matcher, out var error)
            ? matcher
            : throw new MatcherException(position, $"invalid regular expression \"{value}\" for label \"{name}\": {error}");
    }

    /// <summary>A matcher from Alertmanager API v2 fields.</summary>
    public static Matcher FromApi(string name, string value, bool isRegex, bool isEqual = true) => Create(name, OpOf(isRegex, isEqual), value);

    /// <summary>API v2's <c>isEqual</c>: true for <c>=</c> and <c>=~</c>.</summary>
    public static bool IsEqual(this Matcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        return matcher.Op is MatchOp.Equal or MatchOp.Regex;
    }

    public static MatchOp OpOf(bool isRegex, bool isEqual) => (isRegex, isEqual) switch
    {
        (false, true) => MatchOp.Equal,
        (false, false) => MatchOp.NotEqual,
        (true, true) => MatchOp.Regex,
        (true, false) => MatchOp.NotRegex,
    };

    /// <summary>True when every matcher matches (a conjunction, as every matcher list in Alertmanager is).</summary>
    public static bool MatchesAll(this IReadOnlyList<Matcher> matchers, LabelSet labels)
    {
        ArgumentNullException.ThrowIfNull(matchers);
        ArgumentNullException.ThrowIfNull(labels);
        for (var i = 0; i < matchers.Count; i++)
        {
            if (!matchers[i].Matches(labels.Get(matchers[i].Name))) return false;
        }

        return true;
    }

    /// <summary>Alertmanager's string form of a list: <c>{a="b",c=~"d"}</c>.</summary>
    public static string Format(this IReadOnlyList<Matcher> matchers)
    {
        ArgumentNullException.ThrowIfNull(matchers);
        return "{" + string.Join(",", matchers.Select(m => m.ToString())) + "}";
    }

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
        return matchers.Count == 1 ? matchers[0] : throw new MatcherException(0, $"expected exactly one matcher, found {matchers.Count}");
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
        MatchOp op;
        if (reader.TryTake("=~")) op = MatchOp.Regex;
        else if (reader.TryTake("!~")) op = MatchOp.NotRegex;
        else if (reader.TryTake("!=")) op = MatchOp.NotEqual;
        else if (reader.TryTake('=')) op = MatchOp.Equal;
        else throw new MatcherException(opAt, $"expected one of =, !=, =~, !~ after label name \"{name}\"");
        reader.SkipSpace();
        var valueAt = reader.Position;
        var value = reader.Peek == '"' ? ReadQuoted(reader) : reader.TakeWhile(c => c != ',' && c != '}').TrimEnd();
        return Create(name, op, value, op is MatchOp.Regex or MatchOp.NotRegex ? valueAt : start);
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
