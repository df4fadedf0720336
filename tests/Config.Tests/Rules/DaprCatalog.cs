namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// Dapr resource kinds, component types and the metadata each type cannot start without, as listed in the
/// Dapr component reference. Only types this platform could plausibly use are listed; a typo fails the check.
/// </summary>
public static class DaprCatalog
{
    public const string ApiVersion = "dapr.io/v1alpha1";

    public static readonly IReadOnlySet<string> Kinds =
        new HashSet<string>(StringComparer.Ordinal) { "Component", "Resiliency", "Configuration", "Subscription", "HTTPEndpoint" };

    public static readonly IReadOnlySet<string> ComponentTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "state.redis", "state.postgresql", "state.mongodb", "state.in-memory", "state.sqlite",
        "pubsub.redis", "pubsub.kafka", "pubsub.rabbitmq", "pubsub.in-memory", "pubsub.mqtt3", "pubsub.pulsar",
        "bindings.smtp", "bindings.http", "bindings.twilio.sms", "bindings.twilio.sendgrid", "bindings.cron",
        "bindings.kafka", "bindings.redis", "bindings.rabbitmq", "bindings.postgresql",
        "secretstores.local.file", "secretstores.local.env", "secretstores.kubernetes",
        "secretstores.hashicorp.vault", "secretstores.azure.keyvault",
        "configuration.redis", "lock.redis", "crypto.dapr.localstorage",
    };

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> RequiredMetadata =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["state.redis"] = ["redisHost"],
            ["pubsub.redis"] = ["redisHost"],
            ["pubsub.kafka"] = ["brokers", "authType"],
            ["bindings.smtp"] = ["host", "port"],
            ["bindings.http"] = ["url"],
            ["bindings.twilio.sms"] = ["fromNumber", "accountSid", "authToken"],
            ["bindings.cron"] = ["schedule"],
            ["secretstores.local.file"] = ["secretsFile"],
        };

    /// <summary>Fields Dapr reads from a retry policy; anything else is silently ignored by the runtime.</summary>
    public static readonly IReadOnlySet<string> RetryFields =
        new HashSet<string>(StringComparer.Ordinal) { "policy", "duration", "maxInterval", "maxRetries", "matching" };

    public static readonly IReadOnlySet<string> RetryPolicies = new HashSet<string>(StringComparer.Ordinal) { "constant", "exponential" };
}
