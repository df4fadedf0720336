namespace AirisEpm.PromQlTest.Scripts;

/// <summary>A script that does not follow the format; <see cref="Line"/> (1-based) is where it goes wrong.</summary>
public sealed class ScriptFormatException : FormatException
{
    public ScriptFormatException(int line, string reason, Exception? inner = null)
        : base($"line {line}: {reason}", inner)
    {
        Line = line;
        Reason = reason;
    }

    public int Line { get; }

    /// <summary>The message without the line number.</summary>
    public string Reason { get; }
}
