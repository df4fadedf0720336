using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Parser;

/// <summary>The lexer's states for strings (Go escapes checked here, as Prometheus does), numbers and durations.</summary>
internal sealed partial class Lexer
{
    private State LexString()
    {
        while (true)
        {
            var r = NextRune();
            if (r == '\\')
            {
                return State.Escape;
            }

            if (r == RuneError)
            {
                return Fail("invalid UTF-8 rune");
            }

            if (r is Eof or '\n')
            {
                return Fail("unterminated quoted string");
            }

            if (r == _stringOpen)
            {
                Emit(TokenKind.String);
                return State.Statements;
            }
        }
    }

    private State LexRawString()
    {
        while (true)
        {
            var r = NextRune();
            if (r == RuneError)
            {
                return Fail("invalid UTF-8 rune");
            }

            if (r == Eof)
            {
                return Fail("unterminated raw string");
            }

            if (r == _stringOpen)
            {
                Emit(TokenKind.String);
                return State.Statements;
            }
        }
    }

    /// <summary>After a backslash: the escapes Go allows, with Go's scanner's messages.</summary>
    private State LexEscape()
    {
        int digits;
        int numberBase;
        int max;
        var ch = NextRune();
        switch (ch)
        {
            case 'a' or 'b' or 'f' or 'n' or 'r' or 't' or 'v' or '\\':
                return State.String;
            case >= '0' and <= '7':
                (digits, numberBase, max) = (3, 8, 255);
                break;
            case 'x':
                ch = NextRune();
                (digits, numberBase, max) = (2, 16, 255);
                break;
            case 'u':
                ch = NextRune();
                (digits, numberBase, max) = (4, 16, 0x10FFFF);
                break;
            case 'U':
                ch = NextRune();
                (digits, numberBase, max) = (8, 16, 0x10FFFF);
                break;
            case Eof:
                return Fail("escape sequence not terminated");
            default:
                if (ch == _stringOpen)
                {
                    return State.String;
                }

                return Fail($"unknown escape sequence {UnicodeName(ch)}");
        }

        long value = 0;
        while (digits > 0)
        {
            var digit = DigitValue(ch);
            if (digit >= numberBase)
            {
                return ch == Eof ? Fail("escape sequence not terminated") : Fail($"illegal character {UnicodeName(ch)} in escape sequence");
            }

            value = (value * numberBase) + digit;
            digits--;
            if (digits > 0)
            {
                ch = NextRune();
            }
        }

        if (value > max || value is >= 0xD800 and < 0xE000)
        {
            return Fail("escape sequence is an invalid Unicode code point");
        }

        return State.String;
    }

    private static int DigitValue(int ch) => ch switch
    {
        >= '0' and <= '9' => ch - '0',
        >= 'a' and <= 'f' => ch - 'a' + 10,
        >= 'A' and <= 'F' => ch - 'A' + 10,
        _ => 16,
    };

    private State LexNumberOrDuration()
    {
        if (ScanNumber())
        {
            Emit(TokenKind.Number);
            return State.Statements;
        }

        if (AcceptRemainingDuration())
        {
            Backup();
            Emit(TokenKind.Duration);
            return State.Statements;
        }

        return Fail($"bad number or duration syntax: {PromQlString.Quote(_input[_start.._pos])}");
    }

    /// <summary>The unit part of a duration after its first number; bad units are caught when the parser converts it.</summary>
    private bool AcceptRemainingDuration()
    {
        if (!Accept("smhdwy"))
        {
            return false;
        }

        Accept("s");
        while (Accept("0123456789"))
        {
            while (Accept("0123456789"))
            {
            }

            if (!Accept("smhdw"))
            {
                return false;
            }

            Accept("s");
        }

        return !IsAlphaNumeric(NextRune());
    }

    /// <summary>
    /// Scans what may be a number (decimal, hex, with dot, exponent and underscores); whether it converts is
    /// the parser's business. False when a letter follows, which may make it a duration.
    /// </summary>
    private bool ScanNumber()
    {
        const string Dot = ".";
        const string Exponent = "eE";
        const string Underscore = "_";
        const string DotAnti = "_.";
        const string ExponentAnti = "._eE";
        const string UnderscoreAnti = "._eE";

        var initial = _pos;
        var digitPattern = "0123456789";
        if (Accept("0") && Accept("xX"))
        {
            Accept("_");
            digitPattern = "0123456789abcdefABCDEF";
        }

        Accept(Dot);
        Accept(digitPattern);
        var dotConsumed = false;
        var exponentConsumed = false;
        while (Is(digitPattern + Dot + Underscore + Exponent))
        {
            if (Is(Dot) && dotConsumed)
            {
                Accept(Dot);
                return false;
            }

            if (Is(Exponent) && exponentConsumed)
            {
                Accept(Exponent);
                return false;
            }

            if (Accept(Dot))
            {
                dotConsumed = true;
                if (Accept(DotAnti) || digitPattern.Length > 10)
                {
                    return false;
                }

                continue;
            }

            if (Accept(Exponent))
            {
                exponentConsumed = true;
                Accept("+-");
                if (Accept(ExponentAnti) || Peek() == Eof)
                {
                    return false;
                }

                continue;
            }

            if (Accept(Underscore))
            {
                if (Accept(UnderscoreAnti) || Peek() == Eof)
                {
                    return false;
                }

                continue;
            }

            AcceptRun(digitPattern);
        }

        return _pos != initial && !IsAlphaNumeric(Peek());
    }
}
