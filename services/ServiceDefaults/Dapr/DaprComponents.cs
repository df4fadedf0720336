namespace AirisEpm.ServiceDefaults.Dapr;

/// <summary>
/// Names of the Dapr components every environment declares (components/local, compose, production).
/// The YAML differs per environment; these names never do.
/// </summary>
public static class DaprComponents
{
    public const string PubSub = "pubsub";
    public const string StateStore = "statestore";
    public const string Email = "email";
    public const string Slack = "slack";
    public const string Sms = "sms";
    public const string Webhook = "webhook";
    public const string ScrapeTick = "scrape-tick";
    public const string SecretStore = "secretstore";

    public static readonly IReadOnlyList<string> All =
        [PubSub, StateStore, Email, Slack, Sms, Webhook, ScrapeTick, SecretStore];
}
