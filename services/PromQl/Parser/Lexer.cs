using System.Text;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Parser;

/// <summary>
/// PromQL's lexer, a state machine behaving as Prometheus's: the same tokens, the same lexer errors with the same
/// text, and the same quirks where they show (inside <c>{}</c> keywords are plain identifiers; inside <c>[]</c>
/// only numbers, durations, operators, parentheses and one colon are allowed). An error is returned as a
/// <see cref="TokenKind.Error"/> token whose text is the message; lexing ends there.
/// </summary>
internal sealed partial class Lexer(string input)
{
    private const int Eof = -1;
    private const int RuneError = 0xFFFD;

    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["and"] = TokenKind.And, ["or"] = TokenKind.Or, ["unless"] = TokenKind.Unless, ["atan2"] = TokenKind.Atan2,
        ["sum"] = TokenKind.Sum, ["avg"] = TokenKind.Avg, ["count"] = TokenKind.Count, ["min"] = TokenKind.Min,
        ["max"] = TokenKind.Max, ["group"] = TokenKind.Group, ["stddev"] = TokenKind.Stddev, ["stdvar"] = TokenKind.Stdvar,
        ["topk"] = TokenKind.TopK, ["bottomk"] = TokenKind.BottomK, ["count_values"] = TokenKind.CountValues,
        ["quantile"] = TokenKind.Quantile, ["limitk"] = TokenKind.LimitK, ["limit_ratio"] = TokenKind.LimitRatio,
        ["offset"] = TokenKind.Offset, ["by"] = TokenKind.By, ["without"] = TokenKind.Without, ["on"] = TokenKind.On,
        ["ignoring"] = TokenKind.Ignoring, ["group_left"] = TokenKind.GroupLeft, ["group_right"] = TokenKind.GroupRight,
        ["bool"] = TokenKind.Bool, ["start"] = TokenKind.Start, ["end"] = TokenKind.End,
        ["inf"] = TokenKind.Number, ["nan"] = TokenKind.Number,
    };

    private enum State
    {
        Done,
        Statements,
        InsideBraces,
        DurationExpr,
        Space,
        LineComment,
        String,
        Escape,
        RawString,
        NumberOrDuration,
        KeywordOrIdentifier,
        Identifier,
    }

    private readonly string _input = input;
    private State _state = State.Statements;
    private int _pos;
    private int _start;
    private int _width;
    private Token _item;
    private bool _scanned;

    private int _parenDepth;
    private bool _braceOpen;
    private bool _bracketOpen;
    private bool _gotColon;
    private bool _gotDuration;
    private int _stringOpen;

    /// <summary>The next token; after an error or the end, <see cref="TokenKind.Eof"/> forever.</summary>
    public Token Next()
    {
        _scanned = false;
        if (_state == State.Done)
        {
            Emit(TokenKind.Eof);
            return _item;
        }

        while (!_scanned)
        {
            _state = Step(_state);
        }

        return _item;
    }

    private State Step(State state) => state switch
    {
        State.Statements => LexStatements(),
        State.InsideBraces => LexInsideBraces(),
        State.DurationExpr => LexDurationExpr(),
        State.Space => LexSpace(),
        State.LineComment => LexLineComment(),
        State.String => LexString(),
        State.Escape => LexEscape(),
        State.RawString => LexRawString(),
        State.NumberOrDuration => LexNumberOrDuration(),
        State.KeywordOrIdentifier => LexKeywordOrIdentifier(),
        State.Identifier => LexIdentifier(),
        _ => State.Done,
    };

    private int NextRune()
    {
        if (_pos >= _input.Length)
        {
            _width = 0;
            return Eof;
        }

        var c = _input[_pos];
        if (char.IsHighSurrogate(c) && _pos + 1 < _input.Length && char.IsLowSurrogate(_input[_pos + 1]))
        {
            _width = 2;
            _pos += 2;
            return char.ConvertToUtf32(c, _input[_pos - 1]);
        }

        _width = 1;
        _pos++;
        return char.IsSurrogate(c) ? RuneError : c;
    }

    private int Peek()
    {
        var r = NextRune();
        Backup();
        return r;
    }

    private void Backup() => _pos -= _width;

    private void Emit(TokenKind kind)
    {
        _item = new Token(kind, _start, _input[_start.._pos]);
        _start = _pos;
        _scanned = true;
    }

    private void Ignore() => _start = _pos;

    /// <summary>Ends lexing with an error token at the current token start; overwrites a token emitted in the same step, as Prometheus's lexer does.</summary>
    private State Fail(string message)
    {
        _item = new Token(TokenKind.Error, _start, message);
        _scanned = true;
        return State.Done;
    }

    private bool Accept(string valid)
    {
        var r = NextRune();
        if (r != Eof && valid.Contains((char)r, StringComparison.Ordinal))
        {
            return true;
        }

        Backup();
        return false;
    }

    private bool Is(string valid)
    {
        var r = Peek();
        return r != Eof && r < 0x10000 && valid.Contains((char)r, StringComparison.Ordinal);
    }

    private void AcceptRun(string valid)
    {
        while (Accept(valid))
        {
        }
    }

    private void SkipSpaces()
    {
        while (IsSpace(Peek()))
        {
            NextRune();
        }

        Ignore();
    }

    private static bool IsSpace(int r) => r is ' ' or '\t' or '\n' or '\r';

    private static bool IsDigit(int r) => r is >= '0' and <= '9';

    private static bool IsAlpha(int r) => r == '_' || r is >= 'a' and <= 'z' || r is >= 'A' and <= 'Z';

    private static bool IsAlphaNumeric(int r) => IsAlpha(r) || IsDigit(r);

    private static string QuoteRune(int r) => PromQlString.QuoteRune(Rune.IsValid(r) ? new Rune(r) : Rune.ReplacementChar);

    /// <summary>Go's <c>%#U</c>: <c>U+0063 'c'</c>, the rune itself (unescaped) only when it is printable.</summary>
    private static string UnicodeName(int r)
    {
        var code = $"U+{r:X4}";
        return Rune.IsValid(r) && PromQlString.IsPrint(new Rune(r)) ? $"{code} '{new Rune(r)}'" : code;
    }
}
