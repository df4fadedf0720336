using System.Text.RegularExpressions;

namespace AirisEpm.WebConsole.Users;

/// <summary>
/// Account names: 1–64 of lower-case letters, digits and <c>. _ @ -</c>, starting with a letter or digit. Names are
/// compared and stored lower-case, so "Alice" signs in as "alice".
/// </summary>
public static partial class AccountNames
{
    public const string Rule = "1-64 characters of a-z, 0-9, '.', '_', '@' and '-', starting with a letter or digit";

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._@-]{0,63}\z")]
    private static partial Regex Pattern();
}
