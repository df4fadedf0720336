using AirisEpm.WebConsole.Users;

namespace AirisEpm.WebConsole.Auth;

/// <summary>
/// Checks a name and password against the local accounts, throttled per account and client address
/// (<see cref="LoginThrottle"/>), creating the first admin when no account exists yet (<see cref="FirstAdmin"/>).
/// A wrong name and a wrong password answer alike and take alike long.
/// </summary>
public sealed class LocalSignIn(AccountStore store, Passwords passwords, FirstAdmin firstAdmin, LoginThrottle throttle, TimeProvider time)
{
    public async Task<SignInOutcome> SignInAsync(string username, string password, string address, CancellationToken cancellationToken)
    {
        var name = AccountNames.Normalize(username);
        if (await throttle.RetryAfterAsync(name, address, cancellationToken) is { } wait) return new SignInOutcome.Throttled(wait);

        var account = AccountNames.IsValid(name) ? await store.FindAsync(name, cancellationToken) : null;
        if (account is null && await firstAdmin.EnsureAsync(cancellationToken) is { } problem) return new SignInOutcome.NotSetUp(problem);
        account ??= AccountNames.IsValid(name) ? await store.FindAsync(name, cancellationToken) : null;
        if (account is null)
        {
            passwords.VerifyNobody(password);
            await throttle.FailedAsync(name, address, cancellationToken);
            return new SignInOutcome.Invalid();
        }

        var (valid, rehash) = passwords.Verify(account, password);
        if (!valid)
        {
            await throttle.FailedAsync(name, address, cancellationToken);
            return new SignInOutcome.Invalid();
        }

        await throttle.SucceededAsync(name, cancellationToken);
        if (rehash)
        {
            account = await store.UpdateAsync(name, a => a with { PasswordHash = passwords.Hash(password), Updated = time.GetUtcNow() }, cancellationToken) ?? account;
        }

        return new SignInOutcome.SignedIn(account);
    }
}
