using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.AlertService.Domain.Routing;

namespace AirisEpm.AlertService.Tests.Domain.Configuration;

public sealed class SecretFieldRewriterTests
{
    private const string Yaml = """
        # routing for the team 🔔 (non-BMP text before the secrets)
        route:
          receiver: hooks # the default
        receivers:
          - name: team
            email_configs: [{ to: team@example.com }]
          - name: other
          - name: hooks
            webhook_configs:
              - url: http://hooks.local/a?token=one   # first
                max_alerts: 3
              - { url: 'http://hooks.local/b', send_resolved: false }
              - url: |
                  http://hooks.local/c
                max_alerts: 1
              - url:
        """;

    [Fact]
    public void Secret_fields_are_found_by_path_in_document_order()
    {
        var found = SecretFieldRewriter.Find(Yaml);

        Assert.Equal(
            [
                new SecretField("receivers[2].webhook_configs[0].url", "http://hooks.local/a?token=one"),
                new SecretField("receivers[2].webhook_configs[1].url", "http://hooks.local/b"),
                new SecretField("receivers[2].webhook_configs[2].url", "http://hooks.local/c\n"),
            ],
            found);
    }

    [Fact]
    public void Only_the_values_change_so_comments_order_and_layout_survive()
    {
        var count = 0;
        var rewritten = SecretFieldRewriter.Rewrite(Yaml, _ => $"X{count++}");

        Assert.Equal(Yaml
                .Replace("http://hooks.local/a?token=one", "\"X0\"")
                .Replace("'http://hooks.local/b'", "\"X1\"")
                .Replace("|\n          http://hooks.local/c", "\"X2\""),
            rewritten);
        Assert.Equal(["X0", "X1", "X2"], SecretFieldRewriter.Find(rewritten).Select(f => f.Value));
        Assert.Equal("hooks", AlertingConfigYaml.Load(rewritten).Receivers["hooks"].Name);
    }

    [Fact]
    public void Redaction_is_written_as_alertmanager_shows_it()
    {
        var redacted = SecretFieldRewriter.Rewrite(Yaml, _ => SecretFields.Redacted);

        Assert.Contains("- url: <secret>   # first", redacted);
        Assert.Contains("{ url: <secret>, send_resolved: false }", redacted);
        Assert.DoesNotContain("hooks.local", redacted);
    }

    [Theory]
    [InlineData("quote \" and backslash \\")]
    [InlineData("line\nbreak\ttab\r\u0001\u2028 é 🔑")]
    [InlineData("#not a comment: [x], {y}")]
    public void Any_value_written_back_reads_as_itself(string value)
    {
        var rewritten = SecretFieldRewriter.Rewrite(Yaml, _ => value);

        Assert.All(SecretFieldRewriter.Find(rewritten), f => Assert.Equal(value, f.Value));
    }

    [Fact]
    public void Windows_line_endings_are_kept()
    {
        var crlf = Yaml.ReplaceLineEndings("\r\n");

        var rewritten = SecretFieldRewriter.Rewrite(crlf, _ => "X");

        Assert.Equal(SecretFieldRewriter.Rewrite(Yaml, _ => "X").ReplaceLineEndings("\r\n"), rewritten);
    }

    [Fact]
    public void A_document_without_secrets_comes_back_unchanged()
    {
        const string yaml = "route:\n  receiver: a\nreceivers:\n  - name: a  # none\n";

        Assert.Equal(yaml, SecretFieldRewriter.Rewrite(yaml, _ => "changed"));
    }

    [Fact]
    public void An_anchored_or_aliased_secret_is_refused_by_path()
    {
        const string yaml = "route: { receiver: a }\nreceivers:\n  - name: a\n    webhook_configs:\n      - url: &u http://x\n      - url: *u\n";

        var error = Assert.Throws<ConfigException>(() => SecretFieldRewriter.Find(yaml));

        Assert.Equal(["receivers[0].webhook_configs[0].url", "receivers[0].webhook_configs[1].url"], error.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Text_that_is_not_yaml_is_reported_by_line_and_column()
    {
        var error = Assert.Throws<ConfigException>(() => SecretFieldRewriter.Find("route: [unclosed\n"));

        Assert.StartsWith("line ", Assert.Single(error.Errors).Path);
    }

    [Theory]
    [InlineData("receivers", "webhook_configs", "url")]
    [InlineData("receivers", "webhook_configs", "url_file")]
    [InlineData("receivers", "pagerduty_configs", "routing_key")]
    [InlineData("receivers", "telegram_configs", "bot_token")]
    [InlineData("receivers", "email_configs", "auth_password")]
    [InlineData("receivers", "sms_configs", "auth_token")]
    [InlineData("receivers", "webhook_configs", "http_config", "authorization", "credentials")]
    [InlineData("receivers", "slack_configs", "http_config", "basic_auth", "password")]
    [InlineData("global", "smtp_auth_password")]
    [InlineData("global", "http_config", "oauth2", "client_secret")]
    public void Alertmanager_secret_fields_are_in_the_list(params string[] keys) =>
        Assert.True(SecretFields.IsSecret(keys));

    [Theory]
    [InlineData("receivers", "webhook_configs", "max_alerts")]
    [InlineData("receivers", "email_configs", "to")]
    [InlineData("receivers", "webhook_configs", "http_config", "basic_auth", "username")]
    [InlineData("url")]
    public void Other_fields_are_not(params string[] keys) =>
        Assert.False(SecretFields.IsSecret(keys));
}
