namespace AirisEpm.WebConsole.Users;

/// <summary>
/// A local console account, stored under its own state key. <see cref="PasswordHash"/> is ASP.NET Core Identity's
/// (PBKDF2, salted, versioned); <see cref="Stamp"/> changes with the password or the role and ends older sessions.
/// </summary>
public sealed record Account(string Name, string Role, string PasswordHash, string Stamp, DateTimeOffset Created, DateTimeOffset Updated)
{
    public static string NewStamp() => Guid.NewGuid().ToString("N");
}
