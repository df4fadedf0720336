namespace AirisEpm.LogService.LogQl.Syntax;

/// <summary>
/// One token: its kind, its text (a string's decoded value; a number's, duration's or size's text as
/// written) and the offset of its first character in the query, for error positions.
/// </summary>
public readonly record struct Token(TokenKind Kind, string Text, int Offset)
{
    /// <summary>How an error message names the token.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the query",
        TokenKind.QuotedString => $"the string \"{Shorten(Text)}\"",
        TokenKind.Identifier => $"'{Shorten(Text)}'",
        _ => $"'{Text}'",
    };

    public bool IsWord(string word) => Kind == TokenKind.Identifier && Text == word;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
