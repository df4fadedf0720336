using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Errors;
using AirisEpm.WebConsole.Users;
using Dapr;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace AirisEpm.WebConsole.Auth;

/// <summary>
/// Creates the first admin account, once, while no account exists: its password comes from <c>Console:AdminPassword</c>
/// or else from the Dapr secret <see cref="ConsoleOptions.AdminPasswordSecret"/>. There is no default password; without
/// either nobody can sign in, and sign-in says how to set one (<see cref="HowToSetUp"/>).
/// </summary>
public sealed partial class FirstAdmin(
    AccountStore store, Passwords passwords, DaprSecrets secrets, IOptions<ConsoleOptions> options, TimeProvider time, ILogger<FirstAdmin> logger)
{
    public static readonly string HowToSetUp =
        $"No console account exists yet and no first admin password is set. Put it in the Dapr secret '{ConsoleOptions.AdminPasswordSecret}' " +
        $"(in the secret store the console's sidecar may read) or in the setting {ConsoleOptions.Section}:AdminPassword " +
        $"(environment variable {ConsoleOptions.Section}__AdminPassword), at least {PasswordRules.MinLength} characters; " +
        "the admin account is created with it at the next sign-in.";

    /// <summary>Null once an account exists (now or before); otherwise why none could be created.</summary>
    public async Task<string?> EnsureAsync(CancellationToken cancellationToken)
    {
        if (await store.AnyAsync(cancellationToken)) return null;
        var password = options.Value.AdminPassword is { Length: > 0 } configured ? configured : await ReadSecretAsync(cancellationToken);
        if (password is null) return HowToSetUp;
        if (PasswordRules.Problem(password) is { } problem)
        {
            LogRefused(logger, problem);
            return $"The first admin password is refused: {problem} {HowToSetUp}";
        }

        var name = AccountNames.Normalize(options.Value.AdminName);
        if (!AccountNames.IsValid(name)) return $"{ConsoleOptions.Section}:AdminName '{options.Value.AdminName}' is not an account name ({AccountNames.Rule}).";
        var now = time.GetUtcNow();
        if (await store.CreateAsync(new Account(name, ConsoleRoles.Admin, passwords.Hash(password), Account.NewStamp(), now, now), cancellationToken))
        {
            LogCreated(logger, name);
        }

        return null;
    }

    private async Task<string?> ReadSecretAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await secrets.GetAsync(ConsoleOptions.AdminPasswordSecret, cancellationToken);
        }
        catch (DaprException ex) when (ex.InnerException is RpcException { StatusCode: StatusCode.Unavailable or StatusCode.DeadlineExceeded })
        {
            throw new DependencyUnavailableException($"The console's Dapr sidecar did not answer a read of the secret '{ConsoleOptions.AdminPasswordSecret}'.", TimeSpan.FromSeconds(5), ex);
        }
        catch (Exception ex) when (ex is DaprException or KeyNotFoundException)
        {
            LogNoSecret(logger, ConsoleOptions.AdminPasswordSecret, ex.InnerException?.Message ?? ex.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first console admin account {Name}")]
    private static partial void LogCreated(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "The first admin password is refused: {Problem}")]
    private static partial void LogRefused(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "The secret {Secret} could not be read: {Reason}")]
    private static partial void LogNoSecret(ILogger logger, string secret, string reason);
}
