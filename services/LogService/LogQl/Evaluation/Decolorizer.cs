using System.Text.RegularExpressions;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// <c>| decolorize</c>: removes ANSI escape sequences (colours, cursor moves, OSC titles ended by BEL), with the
/// expression Loki uses (after acarl005/stripansi). Linear time: the non-backtracking engine.
/// </summary>
public static class Decolorizer
{
    private static readonly Regex Ansi = new(
        "[\u001B\u009B][[\\]()#;?]*(?:(?:(?:[a-zA-Z\\d]*(?:;[a-zA-Z\\d]*)*)?\u0007)|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PRZcf-ntqry=><~]))",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    public static string Strip(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Contains('\u001B', StringComparison.Ordinal) || line.Contains('\u009B', StringComparison.Ordinal) ? Ansi.Replace(line, "") : line;
    }
}
