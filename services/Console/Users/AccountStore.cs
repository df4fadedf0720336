using System.Text.Json;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Errors;
using Dapr;
using Dapr.Client;
using Grpc.Core;

namespace AirisEpm.WebConsole.Users;

/// <summary>
/// Local accounts in the console's Dapr state store: one key per account (<c>console-account|name</c>) and an index of
/// the names (<c>console-accounts</c>) for listing. Every write is under ETags: creating or deleting an account writes the
/// account and the index in one state transaction, so two admins adding users at once cannot lose one; a conflict reads
/// again and retries. A store that does not answer is a <see cref="DependencyUnavailableException"/> (503).
/// </summary>
public sealed class AccountStore(DaprClient dapr)
{
    public const string IndexKey = "console-accounts";
    private const string AccountPrefix = "console-account|";
    private const int Attempts = 10;
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async Task<Account?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await ReadAsync(name, cancellationToken)).Account;

    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken)
    {
        var (index, _) = await ReadIndexAsync(cancellationToken);
        var accounts = new List<Account>();
        foreach (var name in index)
        {
            if (await FindAsync(name, cancellationToken) is { } account) accounts.Add(account);
        }

        return accounts;
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken) => (await ReadIndexAsync(cancellationToken)).Names.Count > 0;

    /// <summary>False when an account of that name exists.</summary>
    public async Task<bool> CreateAsync(Account account, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (names, etag) = await ReadIndexAsync(cancellationToken);
            if (names.Contains(account.Name) || (await ReadAsync(account.Name, cancellationToken)).Account is not null) return false;
            var operations = new List<StateTransactionRequest>
            {
                Upsert(Key(account.Name), account, null),
                Upsert(IndexKey, new AccountIndex([.. names, account.Name]), etag),
            };
            if (await TryTransactAsync(operations, cancellationToken)) return true;
        }

        throw Conflict();
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the account under its ETag, retrying on a concurrent write. Answers the saved
    /// account, or null when there is no such account; <paramref name="change"/> may throw to refuse.
    /// </summary>
    public async Task<Account?> UpdateAsync(string name, Func<Account, Account> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (current, etag) = await ReadAsync(name, cancellationToken);
            if (current is null) return null;
            var next = change(current);
            if (await TryTransactAsync([Upsert(Key(name), next, etag)], cancellationToken)) return next;
        }

        throw Conflict();
    }

    /// <summary>False when there was no such account.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (names, indexEtag) = await ReadIndexAsync(cancellationToken);
            var (current, etag) = await ReadAsync(name, cancellationToken);
            if (current is null) return false;
            var operations = new List<StateTransactionRequest>
            {
                new(Key(name), null, StateOperationType.Delete, etag),
                Upsert(IndexKey, new AccountIndex([.. names.Where(n => n != name)]), indexEtag),
            };
            if (await TryTransactAsync(operations, cancellationToken)) return true;
        }

        throw Conflict();
    }

    private async Task<(Account? Account, string? ETag)> ReadAsync(string name, CancellationToken cancellationToken)
    {
        var (account, etag) = await GuardAsync(() => dapr.GetStateAndETagAsync<Account?>(DaprComponents.StateStore, Key(name), cancellationToken: cancellationToken));
        return (account, string.IsNullOrEmpty(etag) ? null : etag);
    }

    private async Task<(IReadOnlyList<string> Names, string? ETag)> ReadIndexAsync(CancellationToken cancellationToken)
    {
        var (index, etag) = await GuardAsync(() => dapr.GetStateAndETagAsync<AccountIndex?>(DaprComponents.StateStore, IndexKey, cancellationToken: cancellationToken));
        return (index?.Names ?? [], string.IsNullOrEmpty(etag) ? null : etag);
    }

    /// <summary>False when an ETag no longer matches (somebody wrote first); the caller reads again.</summary>
    private async Task<bool> TryTransactAsync(IReadOnlyList<StateTransactionRequest> operations, CancellationToken cancellationToken)
    {
        try
        {
            await dapr.ExecuteStateTransactionAsync(DaprComponents.StateStore, operations, cancellationToken: cancellationToken);
            return true;
        }
        catch (DaprException ex) when (IsConflict(ex))
        {
            return false;
        }
        catch (DaprException ex)
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>
    /// First-write concurrency: with an ETag the key must still have it, without one it must not exist yet.
    /// </summary>
    private static StateTransactionRequest Upsert<T>(string key, T value, string? etag) => new(
        key,
        JsonSerializer.SerializeToUtf8Bytes(value, JsonSerializerOptions.Web),
        StateOperationType.Upsert,
        etag,
        options: new StateOptions { Concurrency = ConcurrencyMode.FirstWrite, Consistency = ConsistencyMode.Strong });

    private static bool IsConflict(DaprException ex) =>
        ex.InnerException is RpcException { StatusCode: StatusCode.Aborted or StatusCode.FailedPrecondition }
        || ex.Message.Contains("etag", StringComparison.OrdinalIgnoreCase)
        || ex.InnerException?.Message.Contains("etag", StringComparison.OrdinalIgnoreCase) == true;

    private static async Task<T> GuardAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (DaprException ex)
        {
            throw Unavailable(ex);
        }
    }

    private static DependencyUnavailableException Unavailable(Exception ex) =>
        new($"The console's state store '{DaprComponents.StateStore}' did not answer through its Dapr sidecar: {ex.InnerException?.Message ?? ex.Message}", RetryAfter, ex);

    private static DependencyUnavailableException Conflict() =>
        new($"The accounts changed concurrently {Attempts} times in a row; try again.", RetryAfter);

    private static string Key(string name) => AccountPrefix + name;
}

/// <summary>The names of every local account, in creation order.</summary>
public sealed record AccountIndex(IReadOnlyList<string> Names);
