using System.Text.RegularExpressions;
using AirisEpm.Config.Tests.Model;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// The infrastructure compose starts: Dapr placement and scheduler, Redis, ClickHouse, single-node
/// Elasticsearch 9, Kafka in KRaft mode behind a profile, and mailpit (its web inbox on 8025).
/// </summary>
public static partial class InfrastructureRules
{
    public static IEnumerable<Finding> Check(ComposeFile compose)
    {
        var file = compose.File.Path;
        foreach (var (name, image) in new[] { ("placement", "daprio/"), ("scheduler", "daprio/"), ("redis", "redis:"), ("clickhouse", "clickhouse/clickhouse-server:"), ("elasticsearch", "docker.elastic.co/elasticsearch/elasticsearch:"), ("kafka", "apache/kafka:"), ("mailpit", "axllent/mailpit:") })
        {
            var service = compose.Service(name);
            if (service?.Image is not { } actual || !actual.StartsWith(image, StringComparison.Ordinal) || actual.EndsWith(":latest", StringComparison.Ordinal))
            {
                yield return new(file, $"services.{name}.image", $"must be {image}<pinned tag>");
            }
        }

        if (compose.Service("elasticsearch") is { } elastic)
        {
            if (!Elastic9().IsMatch(elastic.Image ?? ""))
            {
                yield return new(file, "services.elasticsearch.image", "must be Elasticsearch 9.x");
            }

            if (elastic.Environment.GetValueOrDefault("discovery.type") != "single-node")
            {
                yield return new(file, "services.elasticsearch.environment", "discovery.type must be single-node");
            }
        }

        if (compose.Service("kafka") is { } kafka)
        {
            if (!kafka.Profiles.Contains("kafka"))
            {
                yield return new(file, "services.kafka.profiles", "Kafka starts only with --profile kafka");
            }

            if (kafka.Environment.GetValueOrDefault("KAFKA_PROCESS_ROLES")?.Contains("controller", StringComparison.Ordinal) != true)
            {
                yield return new(file, "services.kafka.environment", "KAFKA_PROCESS_ROLES must include controller (KRaft, no ZooKeeper)");
            }
        }

        if (compose.Service("mailpit") is { } mailpit && !mailpit.PublishedPorts.Any(p => p.HostPort == ComposeProductionRules.MailInboxPort))
        {
            yield return new(file, "services.mailpit.ports", $"must publish the web inbox {ComposeProductionRules.MailInboxPort} (SMTP stays on the compose network)");
        }
    }

    [GeneratedRegex(@":9\.\d+\.\d+$")]
    private static partial Regex Elastic9();
}
