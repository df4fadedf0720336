namespace AirisEpm.PromQl.Parser;

/// <summary>The lexer's token kinds, grouped as Prometheus groups them (operators, aggregators, keywords) because error texts name the group.</summary>
internal enum TokenKind
{
    Error,
    Eof,
    Comment,
    Identifier,
    MetricIdentifier,
    Number,
    Duration,
    String,
    LeftParen,
    RightParen,
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    Comma,
    Assign,
    Colon,

    // Operators.
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    Eqlc,
    Neq,
    Lte,
    Lss,
    Gte,
    Gtr,
    EqlRegex,
    NeqRegex,
    And,
    Or,
    Unless,
    Atan2,
    At,

    // Aggregators (limitk and limit_ratio are experimental: lexed so they are refused by name).
    Sum,
    Avg,
    Count,
    Min,
    Max,
    Group,
    Stddev,
    Stdvar,
    TopK,
    BottomK,
    CountValues,
    Quantile,
    LimitK,
    LimitRatio,

    // Keywords.
    Offset,
    By,
    Without,
    On,
    Ignoring,
    GroupLeft,
    GroupRight,
    Bool,

    // @ preprocessors.
    Start,
    End,
}
