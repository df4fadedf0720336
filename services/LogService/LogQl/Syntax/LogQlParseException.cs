namespace AirisEpm.LogService.LogQl.Syntax;

/// <summary>
/// A query LogQL cannot run: malformed, or using a construct this implementation does not support
/// (<see cref="Unsupported"/>). The message reads as Loki's do: <c>parse error at line 1, col 12: …</c>.
/// This is the only exception the lexer and parser throw for any input.
/// </summary>
public sealed class LogQlParseException : Exception
{
    public LogQlParseException(string problem, int line, int column, bool unsupported = false)
        : base($"parse error at line {line}, col {column}: {problem}")
    {
        Problem = problem;
        Line = line;
        Column = column;
        Unsupported = unsupported;
    }

    public string Problem { get; }

    public int Line { get; }

    public int Column { get; }

    public bool Unsupported { get; }

    /// <summary>The exception for <paramref name="problem"/> at <paramref name="offset"/> in <paramref name="query"/> (lines and columns count from 1).</summary>
    public static LogQlParseException At(string query, int offset, string problem, bool unsupported = false)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < Math.Min(offset, query.Length); i++)
        {
            if (query[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new LogQlParseException(problem, line, column, unsupported);
    }
}
