namespace AirisEpm.DaprTestSidecar.Hosting;

/// <summary>How a test mesh is set up. Every default reproduces the repository's local Dapr setup.</summary>
public sealed class MeshOptions
{
    /// <summary>The resources folder; default: the repository's components/local.</summary>
    public string? ComponentsFolder { get; set; }

    /// <summary>Where relative paths in components (secretsFile) start; default: the repository root.</summary>
    public string? BaseDirectory { get; set; }

    /// <summary>The clock of reminders, timers, cron bindings, TTLs and retry back-off; a FakeTimeProvider in tests.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Replaces component metadata values, keyed "component:key" (e.g. "email:port").</summary>
    public Dictionary<string, string> MetadataOverrides { get; } = new(StringComparer.Ordinal);

    /// <summary>Replaces secrets of the local file secret store by name (e.g. "slack-webhook-url").</summary>
    public Dictionary<string, string> SecretOverrides { get; } = new(StringComparer.Ordinal);

    /// <summary>Base URL of the Twilio-compatible API that bindings.twilio.sms posts to.</summary>
    public Uri TwilioBaseUrl { get; set; } = new("https://api.twilio.com/");
}
