using System.Security.Cryptography;
using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.AlertService.Domain.Routing;
using AirisEpm.ServiceDefaults.Secrets;

namespace AirisEpm.AlertService.Tests.Application;

public sealed class AlertingConfigSecretsTests
{
    private const string Url = "https://hooks.example/alerts?token=s3cr3t";

    private const string Plain = $$"""
        route:
          receiver: hooks
        receivers:
          - name: hooks
            webhook_configs:
              - url: {{Url}}  # the team's hook
                max_alerts: 5
        """;

    private static readonly byte[] K1 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] K2 = RandomNumberGenerator.GetBytes(32);

    private readonly AlertingConfigSecrets _secrets = Secrets(("k1", K1));

    [Fact]
    public void Protected_yaml_holds_an_envelope_instead_of_the_secret_and_keeps_the_rest()
    {
        var stored = _secrets.Protect(Plain);

        Assert.DoesNotContain("s3cr3t", stored);
        Assert.Contains("- url: \"enc:v1:k1:", stored);
        Assert.Contains("# the team's hook", stored);
        Assert.Contains("max_alerts: 5", stored);
    }

    [Fact]
    public void Revealed_yaml_parses_to_the_plaintext()
    {
        var revealed = _secrets.Reveal(_secrets.Protect(Plain));

        var config = AlertingConfigHolder.Parse(revealed);

        Assert.Equal(Url, config.Receivers["hooks"].WebhookConfigs[0].Url);
        Assert.Equal([Url], revealed.Secrets);
    }

    [Fact]
    public void Plaintext_stored_before_encryption_reveals_as_it_is() =>
        Assert.Equal(Plain, _secrets.Reveal(Plain).Yaml);

    [Fact]
    public void An_envelope_moved_to_another_path_does_not_reveal()
    {
        var stored = _secrets.Protect(Plain);
        var moved = stored.Replace("  - name: hooks", "  - name: spare\n  - name: hooks");

        var error = Assert.Throws<FieldDecryptionException>(() => _secrets.Reveal(moved));

        Assert.Equal("receivers[1].webhook_configs[0].url", error.FieldPath);
    }

    [Fact]
    public void Redacted_yaml_shows_the_placeholder() =>
        Assert.Contains("- url: <secret>  # the team's hook", AlertingConfigSecrets.Redact(_secrets.Protect(Plain)));

    [Fact]
    public void The_placeholder_keeps_the_value_stored_at_its_path_under_the_active_key()
    {
        var storedUnderK1 = _secrets.Protect(Plain);
        var rotated = Secrets(("k2", K2), ("k1", K1));

        var resolved = rotated.Resolve(AlertingConfigSecrets.Redact(storedUnderK1).Replace("max_alerts: 5", "max_alerts: 7"), storedUnderK1);
        var stored = rotated.Protect(resolved.Yaml);

        Assert.Equal(Url, AlertingConfigHolder.Parse(resolved).Receivers["hooks"].WebhookConfigs[0].Url);
        Assert.Contains("enc:v1:k2:", stored);
        Assert.Equal(Url, AlertingConfigHolder.Parse(Secrets(("k2", K2)).Reveal(stored)).Receivers["hooks"].WebhookConfigs[0].Url);
    }

    [Fact]
    public void The_placeholder_at_a_path_with_no_stored_secret_is_an_error_naming_the_path()
    {
        var submitted = AlertingConfigSecrets.Redact(Plain) + "\n      - url: <secret>\n";

        var error = Assert.Throws<ConfigException>(() => _secrets.Resolve(submitted, _secrets.Protect(Plain)));

        Assert.Equal("receivers[0].webhook_configs[1].url", Assert.Single(error.Errors).Path);
    }

    [Fact]
    public void A_stored_envelope_sent_back_is_decrypted_and_one_that_does_not_open_is_an_error()
    {
        var stored = _secrets.Protect(Plain);

        Assert.Equal([Url], _secrets.Resolve(stored, Plain).Secrets);
        var error = Assert.Throws<ConfigException>(() => Secrets(("k2", K2)).Resolve(stored, Plain));
        Assert.Contains("'k1'", Assert.Single(error.Errors).Reason);
    }

    [Fact]
    public void Parse_errors_never_repeat_a_secret()
    {
        var revealed = new RevealedConfig("route:\n  receiver: s3cr3t-token\n", ["s3cr3t-token"]);

        var error = Assert.Throws<ConfigException>(() => AlertingConfigHolder.Parse(revealed));

        Assert.DoesNotContain("s3cr3t-token", error.Message);
        Assert.Contains(SecretFields.Redacted, error.Message);
    }

    private static AlertingConfigSecrets Secrets(params (string Kid, byte[] Key)[] keys) =>
        new(new FieldProtector(new FieldKeyRing(keys[0].Kid, keys.ToDictionary(k => k.Kid, k => k.Key))));
}
