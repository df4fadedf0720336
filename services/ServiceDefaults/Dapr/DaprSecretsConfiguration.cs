using Dapr;
using Dapr.Client;
using Microsoft.Extensions.Configuration;

namespace AirisEpm.ServiceDefaults.Dapr;

/// <summary>
/// Loads Dapr secrets into configuration once, at start, for settings that must be known before the
/// host starts (e.g. the key ring <c>ConfigEncryption</c> from the secret <c>config-encryption-keys</c>).
/// It waits up to <see cref="SidecarWait"/> (or <c>Dapr:SidecarWaitSeconds</c>) for the sidecar, whose API
/// answers before the app listens.
/// A setting already present in configuration (environment, tests) wins and the secret is not read.
/// </summary>
public static class DaprSecretsConfiguration
{
    public static readonly TimeSpan SidecarWait = TimeSpan.FromSeconds(30);

    /// <summary>Reads <paramref name="secretName"/> into <paramref name="configurationKey"/> unless that key (or its section) is set.</summary>
    public static IConfigurationManager AddDaprSecret(this IConfigurationManager configuration, string secretName, string configurationKey)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(configurationKey);
        if (!string.IsNullOrEmpty(section.Value) || section.GetChildren().Any()) return configuration;

        var value = ReadAsync(configuration, secretName).GetAwaiter().GetResult();
        configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(configurationKey, value)]);
        return configuration;
    }

    private static async Task<string> ReadAsync(IConfiguration configuration, string secretName)
    {
        var builder = new DaprClientBuilder()
            .UseGrpcEndpoint(DaprDefaults.GetDefaultGrpcEndpoint(configuration))
            .UseHttpEndpoint(DaprDefaults.GetDefaultHttpEndpoint(configuration));
        if (DaprDefaults.GetDefaultDaprApiToken(configuration) is { Length: > 0 } token) builder.UseDaprApiToken(token);
        using var dapr = builder.Build();
        var wait = configuration.GetValue<double?>("Dapr:SidecarWaitSeconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : SidecarWait;
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await dapr.WaitForSidecarAsync(timeout.Token);
            return await new DaprSecrets(dapr).GetAsync(secretName, timeout.Token);
        }
        catch (Exception ex) when (ex is DaprException or OperationCanceledException or KeyNotFoundException)
        {
            throw new InvalidOperationException(
                $"Secret '{secretName}' could not be read from '{DaprComponents.SecretStore}' within {wait.TotalSeconds:0} s " +
                $"({ex.Message}). Give this app's Dapr Configuration access to it (secrets.scopes), or set it in configuration.", ex);
        }
    }
}
