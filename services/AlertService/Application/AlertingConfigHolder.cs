using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.AlertService.Domain.Routing;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// The routing configuration in force. Starts from the YAML file named by <c>Alerting:ConfigFile</c>
/// (a bad file stops the start: better no service than one that pages nobody); the stored,
/// API-managed configuration replaces it as soon as it is read. Secret fields are decrypted here,
/// just before parsing: only <see cref="LoadedAlertingConfig.Config"/> holds them in plaintext.
/// </summary>
public sealed class AlertingConfigHolder
{
    private readonly Lock _gate = new();
    private readonly AlertingConfigSecrets _secrets;

    public AlertingConfigHolder(IOptions<AlertEngineOptions> options, IHostEnvironment environment, AlertingConfigSecrets secrets, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(secrets);
        _secrets = secrets;
        var path = Path.Combine(environment.ContentRootPath, options.Value.ConfigFile);
        var stored = new StoredAlertingConfig(File.ReadAllText(path), time.GetUtcNow(), $"file:{options.Value.ConfigFile}");
        Current = Load(stored, parsed: null);
    }

    public LoadedAlertingConfig Current { get; private set; }

    /// <summary>Raised, outside any lock of the holder, after the configuration changed.</summary>
    public event Action<AlertingConfig>? Changed;

    /// <summary>Parses and validates; throws <see cref="ConfigException"/> listing every problem.</summary>
    public static AlertingConfig Parse(string yaml)
    {
        return ReceiverTemplates.Apply(AlertingConfigYaml.Load(yaml));
    }

    /// <summary>As <see cref="Parse(string)"/>, with no secret of <paramref name="revealed"/> repeated in the errors.</summary>
    public static AlertingConfig Parse(RevealedConfig revealed)
    {
        ArgumentNullException.ThrowIfNull(revealed);
        try
        {
            return Parse(revealed.Yaml);
        }
        catch (ConfigException ex)
        {
            throw revealed.Scrub(ex);
        }
    }

    /// <summary>
    /// Switches to <paramref name="stored"/> unless it is what is already in force. Throws
    /// <see cref="ConfigException"/> when it does not validate and
    /// <see cref="ServiceDefaults.Secrets.FieldDecryptionException"/> when a secret cannot be decrypted.
    /// </summary>
    public bool Apply(StoredAlertingConfig stored, AlertingConfig? parsed = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        LoadedAlertingConfig next;
        lock (_gate)
        {
            if (Current.Stored.Yaml == stored.Yaml && Current.Stored.UpdatedAt == stored.UpdatedAt) return false;
            next = Load(stored, parsed);
            Current = next;
        }

        Changed?.Invoke(next.Config);
        return true;
    }

    private LoadedAlertingConfig Load(StoredAlertingConfig stored, AlertingConfig? parsed) =>
        new(parsed ?? Parse(_secrets.Reveal(stored.Yaml)), stored, AlertingConfigSecrets.Redact(stored.Yaml));
}

/// <summary>
/// A validated configuration, the YAML it came from as stored (secret fields encrypted), and that YAML
/// with its secrets redacted: what the API shows, and API v2 status as <c>config.original</c>.
/// </summary>
public sealed record LoadedAlertingConfig(AlertingConfig Config, StoredAlertingConfig Stored, string RedactedYaml);
