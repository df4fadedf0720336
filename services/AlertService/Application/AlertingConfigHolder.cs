using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.AlertService.Domain.Routing;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// The routing configuration in force. Starts from the YAML file named by <c>Alerting:ConfigFile</c>
/// (a bad file stops the start: better no service than one that pages nobody); the stored,
/// API-managed configuration replaces it as soon as it is read.
/// </summary>
public sealed class AlertingConfigHolder
{
    private readonly Lock _gate = new();

    public AlertingConfigHolder(IOptions<AlertEngineOptions> options, IHostEnvironment environment, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var path = Path.Combine(environment.ContentRootPath, options.Value.ConfigFile);
        var yaml = File.ReadAllText(path);
        Current = new LoadedAlertingConfig(Parse(yaml), new StoredAlertingConfig(yaml, time.GetUtcNow(), $"file:{options.Value.ConfigFile}"));
    }

    public LoadedAlertingConfig Current { get; private set; }

    /// <summary>Raised, outside any lock of the holder, after the configuration changed.</summary>
    public event Action<AlertingConfig>? Changed;

    /// <summary>Parses and validates; throws <see cref="ConfigException"/> listing every problem.</summary>
    public static AlertingConfig Parse(string yaml)
    {
        var config = AlertingConfigYaml.Load(yaml);
        if (ReceiverTemplates.Check(config) is { Count: > 0 } errors) throw new ConfigException(errors);
        return config;
    }

    /// <summary>Switches to <paramref name="stored"/> unless it is what is already in force.</summary>
    public bool Apply(StoredAlertingConfig stored, AlertingConfig? parsed = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        LoadedAlertingConfig next;
        lock (_gate)
        {
            if (Current.Stored.Yaml == stored.Yaml && Current.Stored.UpdatedAt == stored.UpdatedAt) return false;
            next = new LoadedAlertingConfig(parsed ?? Parse(stored.Yaml), stored);
            Current = next;
        }

        Changed?.Invoke(next.Config);
        return true;
    }
}

/// <summary>A validated configuration with the YAML it came from (API v2 status shows it as <c>config.original</c>).</summary>
public sealed record LoadedAlertingConfig(AlertingConfig Config, StoredAlertingConfig Stored);
