using System.Text;
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

    private static string Locate(string query, int position)
    {
        if (query.Length == 0)
        {
            return "unknown position";
        }

        if (position < 0 || position > query.Length)
        {
            return "invalid position";
        }

        var lastLineBreak = query.LastIndexOf('\n', Math.Max(position - 1, 0), position);
        var line = 1 + query.AsSpan(0, position).Count('\n');
        var lineStart = lastLineBreak + 1;
        var column = Encoding.UTF8.GetByteCount(query.AsSpan(lineStart, position - lineStart)) + 1;
        return $"{line}:{column}";
    }
}
