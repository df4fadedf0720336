using AirisEpm.AlertService.Domain.Routing;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AirisEpm.AlertService.Domain.Configuration;

/// <summary>
/// Loads an alertmanager.yml-shaped document: <c>global.resolve_timeout</c>, <c>route</c>,
/// <c>receivers</c> (email_configs, slack_configs, webhook_configs and our sms_configs),
/// <c>inhibit_rules</c> (matchers or the legacy match/match_re maps), <c>time_intervals</c>
/// (and the legacy <c>mute_time_intervals</c>), plus our <c>named_routes</c> and a route's
/// <c>escalation_policy</c>. Every key of Alertmanager 0.25's file is accepted (integrations alert-service
/// cannot perform and template files load and become <see cref="AlertingConfig.Notices"/>); unknown keys
/// are errors, as in Alertmanager. Every problem is reported in one <see cref="ConfigException"/>, a
/// document that is not YAML or not of this shape by its line and column.
/// </summary>
public static class AlertingConfigYaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static AlertingConfig Load(string yaml)
    {
        YamlDepthGuard.Check(yaml);
        YamlDocument? doc;
        try
        {
            doc = Deserializer.Deserialize<YamlDocument>(yaml);
        }
        catch (YamlException ex)
        {
            throw new ConfigException([SyntaxError(ex)]);
        }
        if (doc?.Route is null) throw new ConfigException([new ConfigError("route", "a root route is required")]);
        return new YamlConverter().Convert(doc);
    }

    public static AlertingConfig LoadFile(string path) => Load(File.ReadAllText(path));

    /// <summary>A document YamlDotNet cannot read, reported where it stopped.</summary>
    internal static ConfigError SyntaxError(YamlException ex) =>
        new($"line {ex.Start.Line}, column {ex.Start.Column}", (ex.InnerException?.Message ?? ex.Message).Split('\n')[0]);
}
