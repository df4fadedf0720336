using System.Globalization;

namespace AirisEpm.LogService.LogQl.Syntax;

/// <summary>
/// Splits a LogQL query into tokens in one linear pass. Numbers directly followed by a unit are
/// durations (<c>5m</c>, <c>1h30m</c>) or sizes (<c>20kb</c>); <c>#</c> starts a comment to the end of
/// the line, as in Loki. Throws <see cref="LogQlParseException"/> at the first character that starts no token.
/// </summary>
public static class LogQlLexer
{
    public static IReadOnlyList<Token> Tokenize(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            i = SkipSpaceAndComments(query, i);
            if (i >= query.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", query.Length));
                return tokens;
            }

            var (token, next) = Read(query, i);
            tokens.Add(token);
            i = next;
        }
    }

    private static int SkipSpaceAndComments(string query, int i)
    {
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i]))
            {
                i++;
            }
            else if (query[i] == '#')
            {
                while (i < query.Length && query[i] != '\n') i++;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static (Token Token, int Next) Read(string query, int i)
    {
        var c = query[i];
        var next = i + 1 < query.Length ? query[i + 1] : '\0';
        (TokenKind Kind, int Length)? symbol = c switch
        {
            '{' => (TokenKind.LeftBrace, 1),
            '}' => (TokenKind.RightBrace, 1),
            '(' => (TokenKind.LeftParen, 1),
            ')' => (TokenKind.RightParen, 1),
            '[' => (TokenKind.LeftBracket, 1),
            ']' => (TokenKind.RightBracket, 1),
            ',' => (TokenKind.Comma, 1),
            '|' => next switch { '=' => (TokenKind.PipeExact, 2), '~' => (TokenKind.PipeRegex, 2), '>' => (TokenKind.PipePattern, 2), _ => (TokenKind.Pipe, 1) },
            '!' => next switch { '=' => (TokenKind.NotEqual, 2), '~' => (TokenKind.RegexNotMatch, 2), '>' => (TokenKind.NotPattern, 2), _ => null },
            '=' => next switch { '~' => (TokenKind.RegexMatch, 2), '=' => (TokenKind.DoubleEqual, 2), _ => (TokenKind.Equal, 1) },
            '>' => next == '=' ? (TokenKind.GreaterOrEqual, 2) : (TokenKind.Greater, 1),
            '<' => next == '=' ? (TokenKind.LessOrEqual, 2) : (TokenKind.Less, 1),
            '+' => (TokenKind.Plus, 1),
            '*' => (TokenKind.Multiply, 1),
            '/' => (TokenKind.Divide, 1),
            '%' => (TokenKind.Modulo, 1),
            '^' => (TokenKind.Power, 1),
            '-' when next == '-' && i + 2 < query.Length && char.IsAsciiLetter(query[i + 2]) => null,
            '-' => (TokenKind.Minus, 1),
            _ => null,
        };
        if (symbol is { } s)
        {
            return (new Token(s.Kind, query.Substring(i, s.Length), i), i + s.Length);
        }

        if (c == '-')
        {
            var end = i + 2;
            while (end < query.Length && (char.IsAsciiLetterOrDigit(query[end]) || query[end] is '-' or '_')) end++;
            return (new Token(TokenKind.Flag, query[i..end], i), end);
        }

        if (c is '"' or '`')
        {
            return ReadString(query, i);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(next)))
        {
            return ReadNumber(query, i);
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            var end = i + 1;
            while (end < query.Length && (char.IsAsciiLetterOrDigit(query[end]) || query[end] == '_')) end++;
            return (new Token(TokenKind.Identifier, query[i..end], i), end);
        }

        throw LogQlParseException.At(query, i, c == '!' ? "'!' must be followed by '=', '~' or '>'" : $"unexpected character '{c}'");
    }

    private static (Token, int) ReadString(string query, int start)
    {
        var quote = query[start];
        var i = start + 1;
        while (i < query.Length && query[i] != quote)
        {
            if (quote == '"' && query[i] == '\\') i++;
            else if (quote == '"' && query[i] == '\n') throw LogQlParseException.At(query, start, "a double-quoted string cannot span lines; use a back-quoted string");
            i++;
        }

        if (i >= query.Length)
        {
            throw LogQlParseException.At(query, start, "the string is not closed");
        }

        var body = query.AsSpan(start + 1, i - start - 1);
        string value;
        if (quote == '`')
        {
            value = body.ToString();
        }
        else
        {
            value = GoStrings.Unescape(body, out var problem) ?? throw LogQlParseException.At(query, start, problem!);
        }

        return (new Token(TokenKind.QuotedString, value, start), i + 1);
    }

    private static (Token, int) ReadNumber(string query, int start)
    {
        var i = start;
        while (i < query.Length && (char.IsAsciiDigit(query[i]) || query[i] == '.')) i++;
        if (i + 1 < query.Length && query[i] is 'e' or 'E'
            && (char.IsAsciiDigit(query[i + 1]) || (query[i + 1] is '+' or '-' && i + 2 < query.Length && char.IsAsciiDigit(query[i + 2]))))
        {
            i += 2;
            while (i < query.Length && char.IsAsciiDigit(query[i])) i++;
        }

        var numberEnd = i;
        while (i < query.Length && (char.IsAsciiLetterOrDigit(query[i]) || query[i] is '.' or 'µ' or 'μ')) i++;
        var text = query[start..i];
        if (i == numberEnd)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? (new Token(TokenKind.Number, text, start), i)
                : throw LogQlParseException.At(query, start, $"'{text}' is not a number");
        }

        if (LogQlDuration.TryParse(text, out _))
        {
            return (new Token(TokenKind.Duration, text, start), i);
        }

        if (ByteSize.TryParseLiteral(text, out _))
        {
            return (new Token(TokenKind.Bytes, text, start), i);
        }

        throw LogQlParseException.At(query, start, $"'{text}' is not a number, a duration (such as 5m) or a size (such as 20kb)");
    }
}
