using System.Text;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// How parsers turn keys into label names, as Loki's <c>sanitizeLabelKey</c>: surrounding spaces
/// trimmed, every character but ASCII letters, digits and <c>_</c> replaced by <c>_</c>, and a leading
/// digit prefixed with <c>_</c> (<c>http.status</c> → <c>http_status</c>, <c>2xx</c> → <c>_2xx</c>).
/// Nested JSON keys join with <c>_</c> (<c>{"req":{"id":1}}</c> → <c>req_id</c>).
/// </summary>
public static class ExtractedLabelNames
{
    /// <summary>Appends the sanitised <paramref name="key"/> to <paramref name="name"/> (joining with <c>_</c> when it is not empty).</summary>
    public static void Append(StringBuilder name, ReadOnlySpan<char> key)
    {
        key = key.Trim();
        if (key.IsEmpty) return;
        if (name.Length > 0) name.Append('_');
        else if (char.IsAsciiDigit(key[0])) name.Append('_');
        foreach (var c in key)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }
    }

    public static string Sanitize(ReadOnlySpan<char> key)
    {
        var name = new StringBuilder(key.Length + 1);
        Append(name, key);
        return name.ToString();
    }
}
