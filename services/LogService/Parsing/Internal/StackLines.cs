namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>
/// Recognises the column-0 lines of Java, .NET, Python and Go stack traces. Every check looks at
/// a bounded prefix of the line, so classifying costs the same for a huge line as for a short one.
/// </summary>
internal static class StackLines
{
    private const int MaxExceptionNameLength = 256;

    public static StackLine Classify(string line)
    {
        var text = line.AsSpan();
        if (text.StartsWith("Caused by: ", StringComparison.Ordinal) || text.StartsWith("Suppressed: ", StringComparison.Ordinal)
            || text.StartsWith("--- End of ", StringComparison.Ordinal) || text.StartsWith("[signal ", StringComparison.Ordinal)
            || text.StartsWith("During handling of the above exception", StringComparison.Ordinal)
            || text.StartsWith("The above exception was the direct cause", StringComparison.Ordinal)
            || IsMoreFrames(text))
        {
            return StackLine.Marker;
        }
        if (text.StartsWith("Traceback (most recent call last):", StringComparison.Ordinal)) return StackLine.PythonTraceback;
        if (IsGoroutineHeader(text)) return StackLine.Goroutine;
        if (text.StartsWith("panic: ", StringComparison.Ordinal)) return StackLine.GoPanic;
        return IsExceptionLine(text) ? StackLine.Exception : StackLine.None;
    }

    /// <summary>A column-0 line inside a goroutine dump: <c>pkg.Func(...)</c>, <c>created by ...</c>, <c>exit status N</c>.</summary>
    public static bool IsGoStackLine(string line) =>
        line.StartsWith("created by ", StringComparison.Ordinal) || line.StartsWith("exit status ", StringComparison.Ordinal)
        || (line.EndsWith(')') && line.AsSpan().IndexOfAny(' ', '(') is var open && open > 0 && line[open] == '(');

    /// <summary>Java's <c>... 12 more</c>, indented or not.</summary>
    private static bool IsMoreFrames(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith("... ", StringComparison.Ordinal)) return false;
        var rest = text[4..];
        var digits = rest.IndexOfAnyExceptInRange('0', '9');
        return digits > 0 && rest[digits..].TrimEnd() is " more";
    }

    private static bool IsGoroutineHeader(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith("goroutine ", StringComparison.Ordinal)) return false;
        var rest = text[10..];
        var digits = rest.IndexOfAnyExceptInRange('0', '9');
        return digits > 0 && rest[digits..].StartsWith(" [", StringComparison.Ordinal);
    }

    /// <summary>A qualified exception type name (a dot, ending in Exception, Error or Throwable), alone or before ':'.</summary>
    private static bool IsExceptionLine(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("Exception in thread \"", StringComparison.Ordinal)
            || text.StartsWith("Unhandled exception. ", StringComparison.Ordinal)
            || text.StartsWith("Unhandled Exception: ", StringComparison.Ordinal))
        {
            return true;
        }
        var window = text[..Math.Min(text.Length, MaxExceptionNameLength)];
        var end = window.IndexOfAny(':', ' ');
        if (end < 0 && text.Length > MaxExceptionNameLength) return false;
        if (end >= 0 && window[end] != ':') return false;
        var name = end < 0 ? window : window[..end];
        if (!name.Contains('.') || !char.IsAsciiLetter(name[0])) return false;
        foreach (var ch in name)
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch is not ('.' or '_' or '$' or '`')) return false;
        }
        return name.EndsWith("Exception", StringComparison.Ordinal) || name.EndsWith("Error", StringComparison.Ordinal)
            || name.EndsWith("Throwable", StringComparison.Ordinal);
    }
}
