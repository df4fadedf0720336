namespace AirisEpm.WebConsole.Auth;

/// <summary>
/// Section <c>Console:LoginThrottle</c>. Defaults follow OWASP's guidance on credential stuffing: a few free failures per
/// account (people mistype), more per client address (an office behind one NAT), then a delay that doubles with each
/// further failure up to a cap, so a guessing attack gets a handful of tries per hour while a person waits seconds.
/// </summary>
public sealed class LoginThrottleOptions
{
    public const string Section = "Console:LoginThrottle";

    /// <summary>Failures of one account name before it is delayed.</summary>
    public int AccountFreeFailures { get; set; } = 5;

    /// <summary>Failures from one client address (any accounts) before it is delayed.</summary>
    public int AddressFreeFailures { get; set; } = 20;

    /// <summary>The first delay; each further failure doubles it.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures older than this (since the last one) are forgotten.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromMinutes(15);
}
