using System.Text.Json.Serialization;
using AirisEpm.AlertService.Domain.Configuration;

namespace AirisEpm.AlertService.Apis.Models;

/// <summary>
/// API v2 <c>alertmanagerStatus</c>, plus <c>notSupported</c>: what the configuration in force asks for
/// that alert-service does not do (clients of Alertmanager's schema ignore the extra field).
/// </summary>
public sealed record AlertmanagerStatus(
    [property: JsonPropertyName("cluster")] ClusterStatus Cluster,
    [property: JsonPropertyName("versionInfo")] VersionInfo VersionInfo,
    [property: JsonPropertyName("config")] AlertmanagerConfig Config,
    [property: JsonPropertyName("uptime")] DateTimeOffset Uptime,
    [property: JsonPropertyName("notSupported")] IReadOnlyList<ConfigNotice> NotSupported);

/// <summary>
/// API v2 <c>clusterStatus</c>. Replicas share state through the state store, not gossip, so the
/// gossip cluster is reported <c>disabled</c> with no peers and no name, exactly as Alertmanager 0.25 started
/// with <c>--cluster.listen-address=</c> reports it.
/// </summary>
public sealed record ClusterStatus(
    [property: JsonPropertyName("name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("peers")] IReadOnlyList<object> Peers);

public sealed record VersionInfo(
    [property: JsonPropertyName("branch")] string Branch,
    [property: JsonPropertyName("buildDate")] string BuildDate,
    [property: JsonPropertyName("buildUser")] string BuildUser,
    [property: JsonPropertyName("goVersion")] string GoVersion,
    [property: JsonPropertyName("revision")] string Revision,
    [property: JsonPropertyName("version")] string Version);

public sealed record AlertmanagerConfig([property: JsonPropertyName("original")] string Original);
