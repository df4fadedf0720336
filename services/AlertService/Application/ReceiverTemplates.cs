using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.AlertService.Domain.Routing;
using AirisEpm.AlertService.Domain.Templates;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// Checks every custom notification template of the receivers. A template whose actions are not
/// closed (<c>{{ $labels.x </c>) is broken in any Go-template engine and refused up front. One that is
/// well-formed but uses what our subset does not render (<c>range</c>, <c>if</c>, <c>template</c>,
/// common in real alertmanager.yml files) still loads: it is dropped for the built-in text and
/// reported as a <see cref="ConfigNotice"/>.
/// </summary>
public static class ReceiverTemplates
{
    /// <summary>The config with unrenderable templates dropped and noticed; throws <see cref="ConfigException"/> for broken ones.</summary>
    public static AlertingConfig Apply(AlertingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = new List<ConfigError>();
        var notices = new List<ConfigNotice>(config.Notices);
        var receivers = new Dictionary<string, Receiver>(StringComparer.Ordinal);
        foreach (var receiver in config.Receivers.Values)
        {
            var path = $"receivers[name={receiver.Name}]";
            var check = new Check(errors, notices);
            receivers[receiver.Name] = receiver with
            {
                EmailConfigs = [.. receiver.EmailConfigs.Select((c, i) => c with
                {
                    Subject = check.One($"{path}.email_configs[{i}].headers.Subject", c.Subject),
                    Html = check.One($"{path}.email_configs[{i}].html", c.Html),
                })],
                SlackConfigs = [.. receiver.SlackConfigs.Select((c, i) => c with
                {
                    Title = check.One($"{path}.slack_configs[{i}].title", c.Title),
                    Text = check.One($"{path}.slack_configs[{i}].text", c.Text),
                })],
                SmsConfigs = [.. receiver.SmsConfigs.Select((c, i) => c with { Text = check.One($"{path}.sms_configs[{i}].text", c.Text) })],
            };
        }

        if (errors.Count > 0) throw new ConfigException(errors);
        return config with { Receivers = receivers, Notices = notices };
    }

    private sealed class Check(List<ConfigError> errors, List<ConfigNotice> notices)
    {
        public string? One(string path, string? source)
        {
            if (source is null || AlertTemplate.TryParse(source, out _, out var error)) return source;
            if (!ActionsClosed(source))
            {
                errors.Add(new ConfigError(path, $"template does not parse at position {error!.Position}: {error.Reason}"));
                return source;
            }

            notices.Add(new ConfigNotice(path, $"template not rendered by alert-service ({error!.Reason} at position {error.Position}); the built-in text is sent"));
            return null;
        }

        /// <summary>Every <c>{{</c> is closed by a <c>}}</c> before the next one opens (quoted strings aside).</summary>
        private static bool ActionsClosed(string source)
        {
            var open = false;
            for (var i = 0; i < source.Length - 1; i++)
            {
                if (source[i] == '{' && source[i + 1] == '{')
                {
                    if (open) return false;
                    open = true;
                    i++;
                }
                else if (open && source[i] is '"' or '`')
                {
                    var end = source.IndexOf(source[i], i + 1);
                    if (end < 0) return false;
                    i = end;
                }
                else if (open && source[i] == '}' && source[i + 1] == '}')
                {
                    open = false;
                    i++;
                }
            }

            return !open;
        }
    }
}
