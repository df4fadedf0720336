namespace AirisEpm.WebConsole.Users;

/// <summary>
/// Length is what makes a password hard to guess (NIST SP 800-63B): at least 12 characters, at most 1024 (so hashing
/// cannot be made a denial of service), no composition rules.
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 12;
    public const int MaxLength = 1024;

    public static string? Problem(string? password) => password switch
    {
        null or "" => "A password is required.",
        { Length: < MinLength } => $"A password needs at least {MinLength} characters.",
        { Length: > MaxLength } => $"A password has at most {MaxLength} characters.",
        _ => null,
    };
}
