namespace AirisEpm.GoTemplates;

/// <summary>The kinds of token Go's <c>text/template/parse</c> lexer emits.</summary>
internal enum GoTokenKind
{
    Error,
    Bool,
    Char,
    CharConstant,
    Comment,
    Assign,
    Declare,
    Eof,
    Field,
    Identifier,
    LeftDelim,
    LeftParen,
    Number,
    Pipe,
    RawString,
    RightDelim,
    RightParen,
    Space,
    String,
    Text,
    Variable,

    // Keywords.
    Block,
    Break,
    Continue,
    Dot,
    Define,
    Else,
    End,
    If,
    Nil,
    Range,
    Template,
    With,
}

/// <summary>One token: its kind, its text, where it starts (offset) and on which line (1-based).</summary>
internal sealed record GoToken(GoTokenKind Kind, string Text, int Offset, int Line)
{
    public override string ToString() => Kind switch
    {
        GoTokenKind.Eof => "EOF",
        GoTokenKind.Error => Text,
        >= GoTokenKind.Block => $"<{Text}>",
        _ => Text.Length > 10 ? $"{Quote(Text[..10])}..." : Quote(Text),
    };

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
