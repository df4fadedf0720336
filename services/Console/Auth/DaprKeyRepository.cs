using System.Xml.Linq;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Errors;
using Dapr;
using Dapr.Client;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace AirisEpm.WebConsole.Auth;

/// <summary>
/// Keeps the Data Protection key ring (which encrypts the session and antiforgery cookies) in the console's state store
/// under one key, so every replica reads the cookies the others wrote and a restart keeps everybody signed in. The
/// sidecar prefixes the key with the app id, so no other app reads it through Dapr. Data Protection calls this rarely (at
/// start, then about once a day, and when it makes a new key), and synchronously, hence the blocking calls.
/// </summary>
public sealed class DaprKeyRepository(DaprClient dapr) : IXmlRepository
{
    public const string Key = "console-dataprotection-keys";
    private const int Attempts = 10;

    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. Read().Keys.Select(XElement.Parse)];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var xml = element.ToString(SaveOptions.DisableFormatting);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (ring, etag) = ReadWithETag();
            if (Guard(() => Wait(dapr.TrySaveUnchangedAsync(DaprComponents.StateStore, Key, new KeyRing([.. ring.Keys, xml]), etag, CancellationToken.None)))) return;
        }

        throw new DependencyUnavailableException($"The key ring '{Key}' changed concurrently {Attempts} times in a row.", TimeSpan.FromSeconds(1));
    }

    private KeyRing Read() => ReadWithETag().Ring;

    private (KeyRing Ring, string? ETag) ReadWithETag()
    {
        var (ring, etag) = Guard(() => Wait(dapr.GetStateAndETagAsync<KeyRing?>(DaprComponents.StateStore, Key)));
        return (ring ?? new KeyRing([]), string.IsNullOrEmpty(etag) ? null : etag);
    }

    /// <summary>A store that does not answer is a 503 for the request that needed the keys, not a 500.</summary>
    private static T Guard<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (DaprException ex)
        {
            throw new DependencyUnavailableException(
                $"The console's session keys could not be read from or written to the state store '{DaprComponents.StateStore}' through its Dapr sidecar: " +
                (ex.InnerException?.Message ?? ex.Message), TimeSpan.FromSeconds(5), ex);
        }
    }

    private static T Wait<T>(Task<T> task) => task.ConfigureAwait(false).GetAwaiter().GetResult();

    private sealed record KeyRing(IReadOnlyList<string> Keys);
}
