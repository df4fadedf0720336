using System.Text;

namespace AirisEpm.LogService.Ingest.Loki;

/// <summary>
/// A stream's labels in Prometheus text form, as Loki's protobuf push carries them:
/// <c>{job="api", env="prod"}</c>, values in double quotes with Go escapes (\" \\ \n \t).
/// </summary>
public static class LokiLabels
{
    public const int MaxLength = 16 * 1024;

    /// <summary>The labels, or null with <paramref name="problem"/> saying what is wrong.</summary>
    public static Dictionary<string, string>? Parse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = null;
        if (text.Length > MaxLength)
        {
            problem = $"the label set is longer than {MaxLength} characters";
            return null;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = Skip(text, 0);
        if (i >= text.Length || text[i] != '{') return Fail(out problem, "a label set starts with '{'");
        i = Skip(text, i + 1);
        while (i < text.Length && text[i] != '}')
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.')) i++;
            if (i == start || char.IsAsciiDigit(text[start])) return Fail(out problem, $"a label name is expected at position {start}");
            var name = text[start..i];
            i = Skip(text, i);
            if (i >= text.Length || text[i] != '=') return Fail(out problem, $"'=' is expected after label '{name}'");
            i = Skip(text, i + 1);
            if (!TryQuoted(text, ref i, out var value)) return Fail(out problem, $"the value of label '{name}' must be a double-quoted string");
            if (!labels.TryAdd(name, value)) return Fail(out problem, $"label '{name}' appears twice");
            i = Skip(text, i);
            if (i < text.Length && text[i] == ',') i = Skip(text, i + 1);
            else if (i < text.Length && text[i] != '}') return Fail(out problem, $"',' or '}}' is expected at position {i}");
        }

        if (i >= text.Length) return Fail(out problem, "the label set is not closed with '}'");
        if (Skip(text, i + 1) != text.Length) return Fail(out problem, "text follows the closing '}'");
        return labels;
    }

    private static Dictionary<string, string>? Fail(out string? problem, string reason)
    {
        problem = reason;
        return null;
    }

    private static int Skip(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private static bool TryQuoted(string text, ref int i, out string value)
    {
        value = "";
        if (i >= text.Length || text[i] != '"') return false;
        var builder = new StringBuilder();
        for (i++; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                i++;
                value = builder.ToString();
                return true;
            }

            if (c == '\\' && i + 1 < text.Length)
            {
                c = text[++i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other };
            }

            builder.Append(c);
        }

        return false;
    }
}
