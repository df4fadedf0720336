using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.AlertService.Domain.Routing;
using AirisEpm.AlertService.Domain.Templates;

namespace AirisEpm.AlertService.Application;

/// <summary>Checks every custom notification template of the receivers, so a broken one is refused up front.</summary>
public static class ReceiverTemplates
{
    public static IReadOnlyList<ConfigError> Check(AlertingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = new List<ConfigError>();
        foreach (var receiver in config.Receivers.Values)
        {
            var path = $"receivers[name={receiver.Name}]";
            for (var i = 0; i < receiver.EmailConfigs.Count; i++)
            {
                CheckOne(errors, $"{path}.email_configs[{i}].headers.Subject", receiver.EmailConfigs[i].Subject);
                CheckOne(errors, $"{path}.email_configs[{i}].html", receiver.EmailConfigs[i].Html);
            }

            for (var i = 0; i < receiver.SlackConfigs.Count; i++)
            {
                CheckOne(errors, $"{path}.slack_configs[{i}].title", receiver.SlackConfigs[i].Title);
                CheckOne(errors, $"{path}.slack_configs[{i}].text", receiver.SlackConfigs[i].Text);
            }

            for (var i = 0; i < receiver.SmsConfigs.Count; i++)
            {
                CheckOne(errors, $"{path}.sms_configs[{i}].text", receiver.SmsConfigs[i].Text);
            }
        }

        return errors;
    }

    private static void CheckOne(List<ConfigError> errors, string path, string? source)
    {
        if (source is not null && !AlertTemplate.TryParse(source, out _, out var error))
        {
            errors.Add(new ConfigError(path, $"template does not parse at position {error!.Position}: {error.Reason}"));
        }
    }
}
