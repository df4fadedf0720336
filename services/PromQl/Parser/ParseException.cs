using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine;

namespace AirisEpm.PromQl.Parser;

/// <summary>
/// A query that does not parse or type-check. <see cref="Exception.Message"/> is Prometheus's text,
/// <c>line:col: parse error: detail</c> (the column counted in UTF-8 bytes, as Prometheus counts it);
/// <see cref="Position"/> is where in the query (char indices) and <see cref="Detail"/> the text after "parse error: ".
/// </summary>
public sealed class ParseException : PromQlException
{
    public ParseException(string query, PositionRange position, string detail)
        : base(PromQlErrorType.BadData, $"{Locate(query, position.Start)}: parse error: {detail}")
    {
        Query = query;
        Position = position;
        Detail = detail;
    }

    public string Query { get; }

    public PositionRange Position { get; }

    public string Detail { get; }

    private static string Locate(string query, int position) => new PositionRange(position, position).StartPosInput(query);
}
