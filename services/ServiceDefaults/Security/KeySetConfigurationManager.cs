using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AirisEpm.ServiceDefaults.Security;

/// <summary>
/// Feeds JWT bearer validation with the current public key set, as an OpenID Connect metadata
/// document would: read at first use, again every <see cref="AuthOptions.KeyRefreshInterval"/>, and
/// soon after a token names a key id it does not know (the JWT handler then calls
/// <see cref="RequestRefresh"/>), so a rotated-in key is picked up without a restart.
/// It never throws into a request: without a key set (the secret store down at start) it answers an
/// empty one, tokens fail as 401 and the next request tries again; with an older set it keeps that one.
/// </summary>
public sealed partial class KeySetConfigurationManager(
    AuthKeySource source, IOptionsMonitor<AuthOptions> options, IHostEnvironment environment, TimeProvider time,
    ILogger<KeySetConfigurationManager> logger) : IConfigurationManager<OpenIdConnectConfiguration>, IDisposable
{
    /// <summary>Least time between two reads, so tokens with unknown key ids cannot hammer the secret store.</summary>
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private OpenIdConnectConfiguration? _current;
    private DateTimeOffset _nextRead = DateTimeOffset.MinValue;
    private DateTimeOffset _lastRead = DateTimeOffset.MinValue;

    /// <summary>The key set tokens are checked against now: a new instance after every read of the secret store.</summary>
    public object? CurrentKeySet => _current;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        if (_current is { } fresh && time.GetUtcNow() < _nextRead) return fresh;
        await _gate.WaitAsync(cancel);
        try
        {
            var now = time.GetUtcNow();
            if (_current is { } current && now < _nextRead) return current;
            _lastRead = now;
            try
            {
                _current = Build(await source.ReadKeySetAsync(cancel));
                _nextRead = now + options.CurrentValue.KeyRefreshInterval;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogKeySetUnavailable(logger, ex);
                _nextRead = now + MinimumRefreshInterval;
                _current ??= Empty();
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void RequestRefresh()
    {
        var earliest = _lastRead + MinimumRefreshInterval;
        if (earliest < _nextRead) _nextRead = earliest;
    }

    private OpenIdConnectConfiguration Build(string keySetJson)
    {
        var keys = SigningKeys.ParseKeySet(keySetJson);
        if (!environment.IsDevelopment() && keys.Any(k => k.Kid == DevelopmentKeys.KeyId))
        {
            throw new InvalidOperationException(
                $"The key set holds the published development key '{DevelopmentKeys.KeyId}'; it is refused outside Development.");
        }

        var configuration = Empty();
        foreach (var key in keys)
        {
            configuration.SigningKeys.Add(key);
        }

        return configuration;
    }

    private OpenIdConnectConfiguration Empty() => new() { Issuer = options.CurrentValue.Issuer };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The token key set could not be read; tokens are refused until it can")]
    private static partial void LogKeySetUnavailable(ILogger logger, Exception exception);

    public void Dispose() => _gate.Dispose();
}
