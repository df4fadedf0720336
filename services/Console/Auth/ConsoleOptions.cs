namespace AirisEpm.WebConsole.Auth;

/// <summary>Section <c>Console</c>: the first admin and the session.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>The Dapr secret holding the first admin's password (read when no account exists yet).</summary>
    public const string AdminPasswordSecret = "console-admin-password";

    /// <summary>The account created for the first admin.</summary>
    public string AdminName { get; set; } = "admin";

    /// <summary>
    /// The first admin's password when it is not in the secret store (environment <c>Console__AdminPassword</c>). There
    /// is no default: without it and without the secret, nobody can sign in until one is set.
    /// </summary>
    public string AdminPassword { get; set; } = "";

    /// <summary>A session ends after this long without a request (sliding: each request past half of it renews the cookie).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How often a session's local account is read again, so that deleting an account, changing its role or its
    /// password takes effect within this time rather than at the session's end. One state read per session per interval.
    /// </summary>
    public TimeSpan SessionRevalidateInterval { get; set; } = TimeSpan.FromMinutes(1);
}
