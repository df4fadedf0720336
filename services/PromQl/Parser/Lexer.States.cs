namespace AirisEpm.PromQl.Parser;

/// <summary>The lexer's states for expressions, label matchers and bracketed durations.</summary>
internal sealed partial class Lexer
{
    private State LexStatements()
    {
        if (_braceOpen)
        {
            return State.InsideBraces;
        }

        if (_input.AsSpan(_pos).StartsWith("#"))
        {
            return State.LineComment;
        }

        var r = NextRune();
        switch (r)
        {
            case Eof:
                if (_parenDepth != 0)
                {
                    return Fail("unclosed left parenthesis");
                }

                if (_bracketOpen)
                {
                    return Fail("unclosed left bracket");
                }

                Emit(TokenKind.Eof);
                return State.Done;
            case ',':
                Emit(TokenKind.Comma);
                break;
            case ' ' or '\t' or '\n' or '\r':
                return State.Space;
            case '*':
                Emit(TokenKind.Mul);
                break;
            case '/':
                Emit(TokenKind.Div);
                break;
            case '%':
                Emit(TokenKind.Mod);
                break;
            case '+':
                Emit(TokenKind.Add);
                break;
            case '-':
                Emit(TokenKind.Sub);
                break;
            case '^':
                Emit(TokenKind.Pow);
                break;
            case '=':
                var afterEquals = Peek();
                if (afterEquals == '=')
                {
                    NextRune();
                    Emit(TokenKind.Eqlc);
                }
                else if (afterEquals == '~')
                {
                    return Fail($"unexpected character after '=': {QuoteRune(afterEquals)}");
                }
                else
                {
                    Emit(TokenKind.Assign);
                }

                break;
            case '!':
                var afterBang = NextRune();
                if (afterBang != '=')
                {
                    return Fail($"unexpected character after '!': {QuoteRune(afterBang)}");
                }

                Emit(TokenKind.Neq);
                break;
            case '<':
                EmitWithOptionalEquals(TokenKind.Lte, TokenKind.Lss);
                break;
            case '>':
                EmitWithOptionalEquals(TokenKind.Gte, TokenKind.Gtr);
                break;
            case '"' or '\'':
                _stringOpen = r;
                return State.String;
            case '`':
                _stringOpen = r;
                return State.RawString;
            case '(':
                Emit(TokenKind.LeftParen);
                _parenDepth++;
                break;
            case ')':
                Emit(TokenKind.RightParen);
                _parenDepth--;
                if (_parenDepth < 0)
                {
                    return Fail("unexpected right parenthesis ')'");
                }

                break;
            case '{':
                Emit(TokenKind.LeftBrace);
                _braceOpen = true;
                return State.InsideBraces;
            case '[':
                if (_bracketOpen)
                {
                    return Fail("unexpected left bracket '['");
                }

                _gotColon = false;
                Emit(TokenKind.LeftBracket);
                if (IsSpace(Peek()))
                {
                    SkipSpaces();
                }

                _bracketOpen = true;
                return State.DurationExpr;
            case ']':
                if (!_bracketOpen)
                {
                    return Fail("unexpected right bracket ']'");
                }

                Emit(TokenKind.RightBracket);
                _bracketOpen = false;
                break;
            case '@':
                Emit(TokenKind.At);
                break;
            default:
                if (IsDigit(r) || (r == '.' && IsDigit(Peek())))
                {
                    Backup();
                    return State.NumberOrDuration;
                }

                if (IsAlpha(r) || r == ':')
                {
                    return LexWordOrColon(r);
                }

                return Fail($"unexpected character: {QuoteRune(r)}");
        }

        return State.Statements;
    }

    private void EmitWithOptionalEquals(TokenKind withEquals, TokenKind without)
    {
        if (Peek() == '=')
        {
            NextRune();
            Emit(withEquals);
        }
        else
        {
            Emit(without);
        }
    }

    /// <summary>
    /// A word outside brackets; inside them (after a duration) only the subquery colon. Prometheus 3.5 took any
    /// letter there for a colon (<c>x[5m y]</c> parsed as <c>x[5m:]</c>); this follows its later fix and refuses it.
    /// </summary>
    private State LexWordOrColon(int r)
    {
        if (!_bracketOpen)
        {
            Backup();
            return State.KeywordOrIdentifier;
        }

        if (r != ':')
        {
            return Fail($"unexpected character: {QuoteRune(r)}, expected ':'");
        }

        if (_gotColon)
        {
            return Fail("unexpected colon ':'");
        }

        Emit(TokenKind.Colon);
        _gotColon = true;
        return State.Statements;
    }

    private State LexInsideBraces()
    {
        if (_input.AsSpan(_pos).StartsWith("#"))
        {
            return State.LineComment;
        }

        var r = NextRune();
        switch (r)
        {
            case Eof:
                return Fail("unexpected end of input inside braces");
            case ' ' or '\t' or '\n' or '\r':
                return State.Space;
            case ',':
                Emit(TokenKind.Comma);
                break;
            case '"' or '\'':
                _stringOpen = r;
                return State.String;
            case '`':
                _stringOpen = r;
                return State.RawString;
            case '=':
                if (NextRune() == '~')
                {
                    Emit(TokenKind.EqlRegex);
                    break;
                }

                Backup();
                Emit(TokenKind.Assign);
                break;
            case '!':
                var afterBang = NextRune();
                if (afterBang == '~')
                {
                    Emit(TokenKind.NeqRegex);
                }
                else if (afterBang == '=')
                {
                    Emit(TokenKind.Neq);
                }
                else
                {
                    return Fail($"unexpected character after '!' inside braces: {QuoteRune(afterBang)}");
                }

                break;
            case '{':
                return Fail("unexpected left brace '{'");
            case '}':
                Emit(TokenKind.RightBrace);
                _braceOpen = false;
                return State.Statements;
            default:
                if (IsAlpha(r))
                {
                    Backup();
                    return State.Identifier;
                }

                return Fail($"unexpected character inside braces: {QuoteRune(r)}");
        }

        return State.InsideBraces;
    }

    /// <summary>Just after <c>[</c>: durations, numbers and (experimental, refused by the parser) duration arithmetic.</summary>
    private State LexDurationExpr()
    {
        var r = NextRune();
        switch (r)
        {
            case Eof:
                return Fail("unexpected end of input in duration expression");
            case ']':
                Emit(TokenKind.RightBracket);
                _bracketOpen = false;
                _gotColon = false;
                return State.Statements;
            case ':':
                Emit(TokenKind.Colon);
                if (!_gotDuration)
                {
                    return Fail("unexpected colon before duration in duration expression");
                }

                if (_gotColon)
                {
                    return Fail("unexpected repeated colon in duration expression");
                }

                _gotColon = true;
                return State.DurationExpr;
            case '(':
                Emit(TokenKind.LeftParen);
                _parenDepth++;
                return State.DurationExpr;
            case ')':
                Emit(TokenKind.RightParen);
                _parenDepth--;
                return _parenDepth < 0 ? Fail("unexpected right parenthesis ')'") : State.DurationExpr;
            case ' ' or '\t' or '\n' or '\r':
                SkipSpaces();
                return State.DurationExpr;
            case '+':
                Emit(TokenKind.Add);
                return State.DurationExpr;
            case '-':
                Emit(TokenKind.Sub);
                return State.DurationExpr;
            case '*':
                Emit(TokenKind.Mul);
                return State.DurationExpr;
            case '/':
                Emit(TokenKind.Div);
                return State.DurationExpr;
            case '%':
                Emit(TokenKind.Mod);
                return State.DurationExpr;
            case '^':
                Emit(TokenKind.Pow);
                return State.DurationExpr;
            default:
                if (IsDigit(r) || (r == '.' && IsDigit(Peek())))
                {
                    Backup();
                    _gotDuration = true;
                    return State.NumberOrDuration;
                }

                return Fail($"unexpected character in duration expression: {QuoteRune(r)}");
        }
    }

    private State LexSpace()
    {
        while (IsSpace(Peek()))
        {
            NextRune();
        }

        Ignore();
        return State.Statements;
    }

    private State LexLineComment()
    {
        _pos++;
        var r = NextRune();
        while (r is not ('\r' or '\n' or Eof))
        {
            r = NextRune();
        }

        Backup();
        Emit(TokenKind.Comment);
        return State.Statements;
    }

    private State LexKeywordOrIdentifier()
    {
        int r;
        do
        {
            r = NextRune();
        }
        while (IsAlphaNumeric(r) || r == ':');

        Backup();
        var word = _input[_start.._pos];
        if (Keywords.TryGetValue(word.ToLowerInvariant(), out var keyword))
        {
            Emit(keyword);
        }
        else
        {
            Emit(word.Contains(':', StringComparison.Ordinal) ? TokenKind.MetricIdentifier : TokenKind.Identifier);
        }

        return State.Statements;
    }

    private State LexIdentifier()
    {
        while (IsAlphaNumeric(NextRune()))
        {
        }

        Backup();
        Emit(TokenKind.Identifier);
        return State.Statements;
    }
}
