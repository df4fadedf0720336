using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.GoTemplates;
using AirisEpm.AlertService.Domain.Routing;
using AirisEpm.AlertService.Notifications;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// Checks every custom notification template of the receivers (<see cref="NotificationTemplate"/>). One whose actions
/// are not closed (<c>{{ .CommonLabels.x </c>) is broken in any Go-template engine and refused up front. One that is
/// well-formed but does not parse here (a function Alertmanager's files define) is dropped for the built-in text; one
/// that parses but fails on a sample notification (Alertmanager's default templates, <c>.Alerts.Firing</c>, common in
/// real alertmanager.yml files) is kept, the built-in text going out whenever it fails. Both are reported as a
/// <see cref="ConfigNotice"/>.
/// </summary>
public static class ReceiverTemplates
{
    /// <summary>A notification of one firing alert, for trying templates at load time.</summary>
    private static readonly WebhookPayload Sample = new()
    {
        GroupKey = "{}:{alertname=\"Example\"}",
        Status = WebhookPayload.Firing,
        Receiver = "example",
        GroupLabels = new Dictionary<string, string> { ["alertname"] = "Example" },
        CommonLabels = new Dictionary<string, string> { ["alertname"] = "Example", ["severity"] = "warning" },
        CommonAnnotations = new Dictionary<string, string> { ["summary"] = "example" },
        ExternalUrl = "http://localhost:8004",
        Alerts =
        [
            new WebhookAlert
            {
                Status = WebhookPayload.Firing,
                Labels = new Dictionary<string, string> { ["alertname"] = "Example", ["severity"] = "warning" },
                Annotations = new Dictionary<string, string> { ["summary"] = "example" },
                StartsAt = DateTimeOffset.UnixEpoch,
                Fingerprint = "0000000000000000",
            },
        ],
    };

    /// <summary>The config with unparsable templates dropped and noticed; throws <see cref="ConfigException"/> for broken ones.</summary>
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
            if (source is null) return null;
            NotificationTemplate template;
            try
            {
                template = NotificationTemplate.Parse(source);
            }
            catch (GoTemplateException ex)
            {
                if (!ActionsClosed(source))
                {
                    errors.Add(new ConfigError(path, $"template does not parse: {ex.Message}"));
                    return source;
                }

                notices.Add(new ConfigNotice(path, $"template not rendered by alert-service ({ex.Message}); the built-in text is sent"));
                return null;
            }

            try
            {
                template.Render(Sample);
            }
            catch (GoTemplateException ex)
            {
                notices.Add(new ConfigNotice(path, $"template fails on a sample notification ({ex.Message}); where it fails, the built-in text is sent"));
            }

            return source;
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
