using System.Globalization;

namespace AirisEpm.GoTemplates;

/// <summary>
/// Go's <c>text/template/parse</c> lexer with the default delimiters: text, <c>{{ }}</c> actions with the
/// <c>{{- </c>/<c> -}}</c> trim markers, comments, and inside actions the same tokens, rules and error texts
/// (a lexing error is the last token, of kind <see cref="GoTokenKind.Error"/>). Newlines are allowed inside
/// actions, as since Go 1.16.
/// </summary>
internal sealed class GoLexer
{
    private const string LeftDelim = "{{";
    private const string RightDelim = "}}";

    private static readonly Dictionary<string, GoTokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["."] = GoTokenKind.Dot,
        ["block"] = GoTokenKind.Block,
        ["break"] = GoTokenKind.Break,
        ["continue"] = GoTokenKind.Continue,
        ["define"] = GoTokenKind.Define,
        ["else"] = GoTokenKind.Else,
        ["end"] = GoTokenKind.End,
        ["if"] = GoTokenKind.If,
        ["range"] = GoTokenKind.Range,
        ["nil"] = GoTokenKind.Nil,
        ["template"] = GoTokenKind.Template,
        ["with"] = GoTokenKind.With,
    };

    private readonly string _input;
    private readonly List<GoToken> _tokens = [];
    private int _start;
    private int _pos;
    private int _line = 1;
    private int _startLine = 1;
    private int _parenDepth;

    private GoLexer(string input) => _input = input;

    public static List<GoToken> Lex(string input)
    {
        var lexer = new GoLexer(input);
        lexer.Run();
        return lexer._tokens;
    }

    private void Run()
    {
        var insideAction = false;
        while (true)
        {
            var ok = insideAction ? InsideAction(out insideAction) : Text(out insideAction);
            if (!ok) return;
        }
    }

    // Text up to the next "{{", trimmed on the right when the delimiter carries a trim marker.
    private bool Text(out bool insideAction)
    {
        insideAction = false;
        var x = _input.IndexOf(LeftDelim, _pos, StringComparison.Ordinal);
        if (x < 0)
        {
            _pos = _input.Length;
            if (_pos > _start) Emit(GoTokenKind.Text);
            Emit(GoTokenKind.Eof);
            return false;
        }

        var trimmedEnd = x;
        if (HasLeftTrimMarker(x + LeftDelim.Length))
        {
            while (trimmedEnd > _start && IsSpace(_input[trimmedEnd - 1])) trimmedEnd--;
        }

        _pos = trimmedEnd;
        if (_pos > _start) Emit(GoTokenKind.Text);
        _pos = x;
        Ignore();
        return LeftDelimiter(out insideAction);
    }

    private bool LeftDelimiter(out bool insideAction)
    {
        insideAction = false;
        _pos += LeftDelim.Length;
        var trim = HasLeftTrimMarker(_pos);
        var afterMarker = trim ? 2 : 0;
        if (string.CompareOrdinal(_input, _pos + afterMarker, "/*", 0, 2) == 0)
        {
            _pos += afterMarker;
            Ignore();
            return Comment();
        }

        Emit(GoTokenKind.LeftDelim);
        _pos += afterMarker;
        Ignore();
        _parenDepth = 0;
        insideAction = true;
        return true;
    }

    private bool Comment()
    {
        _pos += 2;
        var x = _input.IndexOf("*/", _pos, StringComparison.Ordinal);
        if (x < 0) return Error("unclosed comment");
        _pos = x + 2;
        var (delim, trim) = AtRightDelim();
        if (!delim) return Error("comment ends before closing delimiter");
        Emit(GoTokenKind.Comment);
        if (trim) _pos += 2;
        _pos += RightDelim.Length;
        if (trim) SkipLeadingSpace();
        Ignore();
        return true;
    }

    private bool RightDelimiter()
    {
        var (_, trim) = AtRightDelim();
        if (trim)
        {
            _pos += 2;
            Ignore();
        }

        _pos += RightDelim.Length;
        Emit(GoTokenKind.RightDelim);
        if (trim)
        {
            SkipLeadingSpace();
            Ignore();
        }

        return true;
    }

    private bool InsideAction(out bool stillInside)
    {
        stillInside = true;
        if (AtRightDelim().Delim)
        {
            stillInside = false;
            return _parenDepth == 0 ? RightDelimiter() : Error("unclosed left paren");
        }

        if (_pos >= _input.Length) return Error("unclosed action");
        var r = Next();
        switch (r)
        {
            case var _ when IsSpace(r):
                Backup();
                return Space();
            case '=':
                Emit(GoTokenKind.Assign);
                return true;
            case ':':
                if (_pos >= _input.Length || Next() != '=') return Error("expected :=");
                Emit(GoTokenKind.Declare);
                return true;
            case '|':
                Emit(GoTokenKind.Pipe);
                return true;
            case '"':
                return Quote();
            case '`':
                return RawQuote();
            case '$':
                return FieldOrVariable(GoTokenKind.Variable);
            case '\'':
                return Char();
            case '.' when _pos < _input.Length && !char.IsAsciiDigit(_input[_pos]):
                return FieldOrVariable(GoTokenKind.Field);
            case '.' or '+' or '-':
            case var _ when char.IsAsciiDigit(r):
                Backup();
                return Number();
            case var _ when IsAlphaNumeric(r):
                Backup();
                return Identifier();
            case '(':
                Emit(GoTokenKind.LeftParen);
                _parenDepth++;
                return true;
            case ')':
                Emit(GoTokenKind.RightParen);
                _parenDepth--;
                return _parenDepth >= 0 || Error("unexpected right paren");
            case var _ when r <= 0x7f && !char.IsControl(r):
                Emit(GoTokenKind.Char);
                return true;
            default:
                return Error($"unrecognized character in action: {Rune(r)}");
        }
    }

    private bool Space()
    {
        var spaces = 0;
        while (_pos < _input.Length && IsSpace(_input[_pos]))
        {
            _pos++;
            spaces++;
        }

        // A space followed by "-}}" is the right trim marker, not a space token.
        if (HasRightTrimMarker(_pos - 1) && string.CompareOrdinal(_input, _pos + 1, RightDelim, 0, 2) == 0)
        {
            _pos--;
            if (spaces == 1) return true;
        }

        Emit(GoTokenKind.Space);
        return true;
    }

    private bool Identifier()
    {
        while (_pos < _input.Length && IsAlphaNumeric(_input[_pos])) _pos++;
        var word = _input[_start.._pos];
        if (!AtTerminator()) return Error($"bad character {Rune(_input[_pos])}");
        if (Keywords.TryGetValue(word, out var keyword)) Emit(keyword);
        else if (word is "true" or "false") Emit(GoTokenKind.Bool);
        else Emit(GoTokenKind.Identifier);
        return true;
    }

    private bool FieldOrVariable(GoTokenKind kind)
    {
        if (AtTerminator())
        {
            Emit(kind == GoTokenKind.Variable ? GoTokenKind.Variable : GoTokenKind.Dot);
            return true;
        }

        while (_pos < _input.Length && IsAlphaNumeric(_input[_pos])) _pos++;
        if (!AtTerminator()) return Error($"bad character {Rune(_input[_pos])}");
        Emit(kind);
        return true;
    }

    private bool Char()
    {
        while (true)
        {
            if (_pos >= _input.Length) return Error("unterminated character constant");
            var c = Next();
            if (c == '\\')
            {
                if (_pos >= _input.Length || _input[_pos] == '\n') return Error("unterminated character constant");
                Next();
            }
            else if (c == '\n') return Error("unterminated character constant");
            else if (c == '\'') break;
        }

        Emit(GoTokenKind.CharConstant);
        return true;
    }

    private bool Number()
    {
        if (!ScanNumber()) return Error($"bad number syntax: {GoQuote.Quote(_input[_start.._pos])}");
        if (_pos < _input.Length && _input[_pos] is '+' or '-')
        {
            // A complex constant such as 1+2i: no spaces, ends in 'i'.
            if (!ScanNumber() || _input[_pos - 1] != 'i') return Error($"bad number syntax: {GoQuote.Quote(_input[_start.._pos])}");
        }

        Emit(GoTokenKind.Number);
        return true;
    }

    private bool ScanNumber()
    {
        Accept("+-");
        var digits = "0123456789_";
        if (Accept("0"))
        {
            if (Accept("xX")) digits = "0123456789abcdefABCDEF_";
            else if (Accept("oO")) digits = "01234567_";
            else if (Accept("bB")) digits = "01_";
        }

        AcceptRun(digits);
        if (Accept(".")) AcceptRun(digits);
        if (digits.Length == 11 && Accept("eE"))
        {
            Accept("+-");
            AcceptRun("0123456789_");
        }

        if (digits.Length == 23 && Accept("pP"))
        {
            Accept("+-");
            AcceptRun("0123456789_");
        }

        Accept("i");
        if (_pos < _input.Length && IsAlphaNumeric(_input[_pos]))
        {
            _pos++;
            return false;
        }

        return true;
    }

    private bool Quote()
    {
        while (true)
        {
            if (_pos >= _input.Length) return Error("unterminated quoted string");
            var c = Next();
            if (c == '\\')
            {
                if (_pos >= _input.Length || _input[_pos] == '\n') return Error("unterminated quoted string");
                Next();
            }
            else if (c == '\n') return Error("unterminated quoted string");
            else if (c == '"') break;
        }

        Emit(GoTokenKind.String);
        return true;
    }

    private bool RawQuote()
    {
        var end = _input.IndexOf('`', _pos);
        if (end < 0) return Error("unterminated raw quoted string");
        _pos = end + 1;
        Emit(GoTokenKind.RawString);
        return true;
    }

    private bool AtTerminator()
    {
        if (_pos >= _input.Length) return true;
        var r = _input[_pos];
        return IsSpace(r) || r is '.' or ',' or '|' or ':' or ')' or '(' or '}';
    }

    private (bool Delim, bool Trim) AtRightDelim()
    {
        if (HasRightTrimMarker(_pos) && string.CompareOrdinal(_input, _pos + 2, RightDelim, 0, 2) == 0) return (true, true);
        return (string.CompareOrdinal(_input, _pos, RightDelim, 0, 2) == 0, false);
    }

    private bool HasLeftTrimMarker(int at) => at + 1 < _input.Length && _input[at] == '-' && IsSpace(_input[at + 1]);

    private bool HasRightTrimMarker(int at) => at >= 0 && at + 1 < _input.Length && IsSpace(_input[at]) && _input[at + 1] == '-';

    private void SkipLeadingSpace()
    {
        while (_pos < _input.Length && IsSpace(_input[_pos])) _pos++;
    }

    private bool Accept(string valid)
    {
        if (_pos < _input.Length && valid.Contains(_input[_pos], StringComparison.Ordinal))
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void AcceptRun(string valid)
    {
        while (Accept(valid))
        {
        }
    }

    private char Next() => _input[_pos++];

    private void Backup() => _pos--;

    private void Emit(GoTokenKind kind)
    {
        _tokens.Add(new GoToken(kind, _input[_start.._pos], _start, _startLine));
        Ignore();
    }

    private void Ignore()
    {
        for (var i = _start; i < _pos && i < _input.Length; i++)
        {
            if (_input[i] == '\n') _line++;
        }

        _start = _pos;
        _startLine = _line;
    }

    private bool Error(string message)
    {
        _tokens.Add(new GoToken(GoTokenKind.Error, message, _start, _startLine));
        return false;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsAlphaNumeric(char c) => c == '_' || char.IsLetterOrDigit(c);

    private static string Rune(char c) => string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4} '{c}'");
}
