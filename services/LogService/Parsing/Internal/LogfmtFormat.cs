using System.Text;

namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>
/// logfmt (<c>level=info msg="a b" duration=12ms</c>: Go's slog text handler, logrus, go-kit, Heroku).
/// To never mistake prose for logfmt, every token must be <c>key=value</c> (the value may be empty or
/// quoted with Go escapes) and there must be at least two pairs. Keys map like JSON's
/// (<see cref="WellKnownKeys"/>); a line without a message key keeps the whole line as its message.
/// </summary>
internal static class LogfmtFormat
{
    /// <summary>Cheap pre-check: the first token has a non-empty key before an '='.</summary>
    public static bool LooksLikeLogfmt(ReadOnlySpan<char> line)
    {
        var end = line.IndexOfAny(' ', '\t');
        var first = end < 0 ? line : line[..end];
        return first.IndexOf('=') > 0;
    }

    public static LogDraft? TryParse(string line, ParserLimits limits)
    {
        var c = new LineCursor(line);
        var builder = new DraftBuilder(LineFormat.Logfmt, limits);
        var keys = new StructuredKeys(builder);
        var pairs = 0;
        while (true)
        {
            c.SkipSpaces();
            if (c.AtEnd) break;
            var keyStart = c.Pos;
            while (!c.AtEnd && c.Current is not ('=' or ' ' or '\t' or '"')) c.Pos++;
            if (c.Pos == keyStart || !c.TryChar('=')) return null;
            var key = line[keyStart..(c.Pos - 1)];
            string value;
            if (c.Current == '"')
            {
                if (!c.TryQuoted(out var quoted) || !c.AtSpaceOrEnd) return null;
                value = Unquote(quoted);
            }
            else
            {
                var token = c.Token();
                if (token.Contains('"')) return null;
                value = token.ToString();
            }
            keys.Add(key, value);
            pairs++;
        }
        if (pairs < 2) return null;
        keys.Apply();
        return builder.Build(line);
    }

    /// <summary>Go's strconv.Quote escapes that loggers emit: \" \\ \n \r \t; any other escape is kept as written.</summary>
    private static string Unquote(ReadOnlySpan<char> quoted)
    {
        if (!quoted.Contains('\\')) return quoted.ToString();
        var text = new StringBuilder(quoted.Length);
        for (var i = 0; i < quoted.Length; i++)
        {
            if (quoted[i] != '\\' || i + 1 == quoted.Length)
            {
                text.Append(quoted[i]);
                continue;
            }
            var next = quoted[++i];
            switch (next)
            {
                case '"' or '\\': text.Append(next); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                default: text.Append('\\').Append(next); break;
            }
        }
        return text.ToString();
    }
}
