using System.Text;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// <c>| logfmt</c>, as Loki's non-strict logfmt parser: <c>key=value</c> and <c>key="quoted value"</c>
/// pairs separated by spaces become labels; keys without a value, empty values and malformed pairs are
/// skipped, and nothing sets an error. Quoted values take <c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\t</c>, <c>\r</c>.
/// </summary>
public static class LogfmtLabelExtractor
{
    public static void Extract(string line, LineLabels labels)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(labels);
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && line[i] <= ' ') i++;
            var keyStart = i;
            while (i < line.Length && line[i] > ' ' && line[i] is not ('=' or '"')) i++;
            var key = line.AsSpan(keyStart, i - keyStart);
            if (i >= line.Length || line[i] != '=')
            {
                // A bare key, or a stray quote: skip to the next space.
                while (i < line.Length && line[i] > ' ') i++;
                continue;
            }

            i++;
            var value = i < line.Length && line[i] == '"' ? Quoted(line, ref i) : Bare(line, ref i);
            if (key.IsEmpty || string.IsNullOrEmpty(value)) continue;
            var name = ExtractedLabelNames.Sanitize(key);
            if (name.Length > 0) labels.SetExtracted(name, value);
        }
    }

    private static string Bare(string line, ref int i)
    {
        var start = i;
        while (i < line.Length && line[i] > ' ') i++;
        return line[start..i];
    }

    private static string? Quoted(string line, ref int i)
    {
        var value = new StringBuilder();
        for (i++; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                i++;
                return value.ToString();
            }

            if (c == '\\' && i + 1 < line.Length)
            {
                c = line[++i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other };
            }

            value.Append(c);
        }

        return null;
    }
}
