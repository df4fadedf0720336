using System.Text;

namespace AirisEpm.PromQl.Ast;

/// <summary>Where a node sits in the query text (0-based, end exclusive); error messages cite it.</summary>
public readonly record struct PositionRange(int Start, int End)
{
    /// <summary>
    /// Prometheus's <c>StartPosInput</c>: <c>line:column</c> of the start in <paramref name="query"/>, the column
    /// counted in UTF-8 bytes from 1 (what parse errors and annotations print).
    /// </summary>
    public string StartPosInput(string query)
    {
        if (query.Length == 0)
        {
            return "unknown position";
        }

        if (Start < 0 || Start > query.Length)
        {
            return "invalid position";
        }

        var lastLineBreak = query.LastIndexOf('\n', Math.Max(Start - 1, 0), Start);
        var line = 1 + query.AsSpan(0, Start).Count('\n');
        var lineStart = lastLineBreak + 1;
        var column = Encoding.UTF8.GetByteCount(query.AsSpan(lineStart, Start - lineStart)) + 1;
        return $"{line}:{column}";
    }
}
