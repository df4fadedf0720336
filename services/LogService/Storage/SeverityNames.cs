using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Storage;

/// <summary>How a <see cref="Severity"/> is written in stored keyword fields and in queries: its lower-case name.</summary>
public static class SeverityNames
{
    private static readonly string[] Names = Enum.GetValues<Severity>().Select(s => s.ToString().ToLowerInvariant()).ToArray();

    public static string Of(Severity level) => Names[(int)level];

    /// <summary>Parses a level name in any case; <c>warning</c> and <c>critical</c> are accepted as Warn and Fatal.</summary>
    public static bool TryParse(string text, out Severity level)
    {
        var name = text.Trim().ToLowerInvariant();
        level = name switch
        {
            "warning" => Severity.Warn,
            "critical" => Severity.Fatal,
            _ => (Severity)Array.IndexOf(Names, name),
        };
        return (int)level >= 0;
    }

    public static string Expected => string.Join(", ", Names);
}
