using System.Globalization;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Errors;
using Dapr;
using Dapr.Client;
using Microsoft.Extensions.Options;

namespace AirisEpm.WebConsole.Auth;

/// <summary>
/// Delays sign-in after repeated failures, per account name and per client address (<see cref="LoginThrottleOptions"/>,
/// the arithmetic in <see cref="ThrottleCount"/>). A blocked attempt is refused before the password is looked at, so it
/// teaches nothing. A success clears the account's failures, not the address's.
/// The counts live in the console's Dapr state store (<c>console-login|account:name</c>, <c>console-login|address:ip</c>),
/// so every replica sees the same ones: a failure is counted read-modify-write under the key's ETag (a concurrent count,
/// on any replica, makes it read again), and each key expires (<c>ttlInSeconds</c>) once it can neither block nor be
/// counted on. A store that does not answer is a 503, never an unthrottled attempt. Within a replica, counts of one key
/// take turns, so a burst of failures from one address (a script) does not spend the ETag retries racing itself.
/// </summary>
public sealed class LoginThrottle(DaprClient dapr, IOptions<LoginThrottleOptions> options, TimeProvider time) : IDisposable
{
    // Keys hash onto a fixed set of turns: bounded memory however many names and addresses are tried.
    private readonly SemaphoreSlim[] _turns = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    private const string Prefix = "console-login|";
    private static readonly TimeSpan RetryAfterUnavailable = TimeSpan.FromSeconds(5);

    /// <summary>How long the caller must wait before trying <paramref name="account"/> from <paramref name="address"/>; null: go ahead.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string account, string address, CancellationToken cancellationToken)
    {
        var items = await GuardAsync(() => dapr.GetBulkStateAsync(DaprComponents.StateStore, [AccountKey(account), AddressKey(address)], parallelism: 2, cancellationToken: cancellationToken));
        var now = time.GetUtcNow();
        var wait = items.Select(i => Parse(i.Value)?.BlockedFor(now) ?? TimeSpan.Zero).DefaultIfEmpty(TimeSpan.Zero).Max();
        return wait > TimeSpan.Zero ? wait : null;
    }

    public async Task FailedAsync(string account, string address, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await CountAsync(AccountKey(account), settings.AccountFreeFailures, settings, cancellationToken);
        await CountAsync(AddressKey(address), settings.AddressFreeFailures, settings, cancellationToken);
    }

    public Task SucceededAsync(string account, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await dapr.DeleteStateAsync(DaprComponents.StateStore, AccountKey(account), cancellationToken: cancellationToken);
            return true;
        });

    private Task CountAsync(string key, int free, LoginThrottleOptions settings, CancellationToken cancellationToken)
    {
        // Long enough for the longest block and for the quiet spell after the last failure, whichever ends later.
        var lifetime = settings.MaxDelay > settings.ForgetAfter ? settings.MaxDelay : settings.ForgetAfter;
        var metadata = new Dictionary<string, string> { ["ttlInSeconds"] = Math.Ceiling(lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture) };
        var turn = _turns[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_turns.Length)];
        return GuardAsync(async () =>
        {
            await turn.WaitAsync(cancellationToken);
            try
            {
                await dapr.UpdateUnderETagAsync<ThrottleCount>(DaprComponents.StateStore, key,
                    current => ThrottleCount.AfterFailure(current, free, time.GetUtcNow(), settings), cancellationToken, metadata: metadata);
            }
            finally
            {
                turn.Release();
            }

            return true;
        });
    }

    public void Dispose()
    {
        foreach (var turn in _turns) turn.Dispose();
    }

    private static ThrottleCount? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<ThrottleCount>(json, JsonSerializerOptions.Web);

    private static async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is DaprException or InvalidOperationException)
        {
            throw new DependencyUnavailableException(
                $"The console's state store '{DaprComponents.StateStore}' did not keep the sign-in failures through its Dapr sidecar: {ex.InnerException?.Message ?? ex.Message}",
                RetryAfterUnavailable, ex);
        }
    }

    private static string AccountKey(string account) => Prefix + "account:" + account.ToLowerInvariant();

    private static string AddressKey(string address) => Prefix + "address:" + address;
}
