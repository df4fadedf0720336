using AirisEpm.WebConsole.Users;

namespace AirisEpm.WebConsole.Auth;

/// <summary>How a local sign-in ended.</summary>
public abstract record SignInOutcome
{
    public sealed record SignedIn(Account Account) : SignInOutcome;

    public sealed record Invalid : SignInOutcome;

    public sealed record Throttled(TimeSpan RetryAfter) : SignInOutcome;

    /// <summary>No account exists and none could be created: the detail says how to set the first admin up.</summary>
    public sealed record NotSetUp(string Detail) : SignInOutcome;
}
