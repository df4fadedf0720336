using Microsoft.AspNetCore.Identity;

namespace AirisEpm.WebConsole.Users;

/// <summary>
/// ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512, 100,000 iterations, per-hash salt, a
/// version byte so old hashes are upgraded on the next sign-in). A name nobody has is checked against a fixed hash, so a
/// wrong name costs the same time as a wrong password and names cannot be told apart by timing.
/// </summary>
public sealed class Passwords
{
    private readonly PasswordHasher<Account> _hasher = new();
    private readonly Lazy<string> _decoy;

    public Passwords() => _decoy = new Lazy<string>(() => _hasher.HashPassword(null!, Guid.NewGuid().ToString("N")));

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    /// <summary>Whether <paramref name="password"/> is the account's, and whether its hash should be made again.</summary>
    public (bool Valid, bool Rehash) Verify(Account account, string password)
    {
        ArgumentNullException.ThrowIfNull(account);
        var result = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        return (result != PasswordVerificationResult.Failed, result == PasswordVerificationResult.SuccessRehashNeeded);
    }

    /// <summary>Spends the time of one verification, for a name that has no account.</summary>
    public void VerifyNobody(string password) => _hasher.VerifyHashedPassword(null!, _decoy.Value, password);
}
