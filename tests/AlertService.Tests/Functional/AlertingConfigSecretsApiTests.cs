using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Notifications;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.Extensions.DependencyInjection;
using static AirisEpm.AlertService.Tests.Functional.Json;

namespace AirisEpm.AlertService.Tests.Functional;

/// <summary>The routing configuration's secrets: encrypted in the state store, plaintext only inside the engine, never shown.</summary>
public sealed class AlertingConfigSecretsApiTests
{
    private const string Token = "s3cr3t-hook-token";

    private const string Config = $$"""
        route:
          receiver: hooks
        receivers:
          - name: hooks
            webhook_configs:
              - url: https://hooks.example/alerts?token={{Token}}
                max_alerts: 5
        """;

    private static readonly string[] ReadWrite = [Permissions.AlertsRead, Permissions.AlertsWrite];

    private static readonly string K1 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string K2 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task The_stored_document_holds_no_plaintext_secret_and_reads_answer_it_redacted()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);

        await PutAsync(client, Config, HttpStatusCode.OK);

        var stored = factory.ConfigStore.Saved!.Yaml;
        Assert.DoesNotContain(Token, stored);
        Assert.Contains("url: \"enc:v1:dev:", stored);
        var shown = await GetConfigAsync(client);
        Assert.Contains("- url: <secret>", shown);
        Assert.DoesNotContain(Token, shown);
        var status = (await GetAsync(client, "/api/v2/status")).GetProperty("config").GetProperty("original").GetString();
        Assert.Contains("<secret>", status);
        Assert.DoesNotContain(Token, status);
        Assert.Equal($"alerts?token={Token}", WebhookPath(factory));
    }

    [Fact]
    public async Task Sending_the_placeholder_back_keeps_the_stored_secret()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        await PutAsync(client, Config, HttpStatusCode.OK);
        var first = factory.ConfigStore.Saved!.Yaml;

        await PutAsync(client, (await GetConfigAsync(client)).Replace("max_alerts: 5", "max_alerts: 9"), HttpStatusCode.OK);

        Assert.Equal($"alerts?token={Token}", WebhookPath(factory));
        var second = factory.ConfigStore.Saved!.Yaml;
        Assert.Contains("max_alerts: 9", second);
        Assert.DoesNotContain(Token, second);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task The_placeholder_at_a_path_with_no_stored_secret_is_a_400_naming_the_path()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        await PutAsync(client, Config, HttpStatusCode.OK);
        var stored = factory.ConfigStore.Saved;

        var problem = await PutAsync(client, (await GetConfigAsync(client)) + "\n      - url: <secret>\n", HttpStatusCode.BadRequest);

        Assert.Equal(["receivers[0].webhook_configs[1].url"], ErrorKeys(problem));
        Assert.DoesNotContain(Token, problem.GetRawText());
        Assert.Same(stored, factory.ConfigStore.Saved);
    }

    [Fact]
    public async Task A_plaintext_document_stored_before_encryption_loads_and_is_encrypted_on_its_next_save()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        factory.ConfigStore.Saved = new StoredAlertingConfig(Config, factory.Clock.GetUtcNow(), "before-encryption");

        await RefreshAsync(factory);

        Assert.Equal($"alerts?token={Token}", WebhookPath(factory));
        Assert.DoesNotContain(Token, await GetConfigAsync(client));
        await PutAsync(client, await GetConfigAsync(client), HttpStatusCode.OK);
        Assert.DoesNotContain(Token, factory.ConfigStore.Saved!.Yaml);
        Assert.Equal($"alerts?token={Token}", WebhookPath(factory));
    }

    [Fact]
    public async Task After_rotation_old_values_load_a_save_moves_them_to_the_new_key_and_the_old_key_can_go()
    {
        StoredAlertingConfig underK1;
        await using (var before = Keyed(("k1", K1)))
        {
            await PutAsync(await before.StartAsync(ReadWrite), Config, HttpStatusCode.OK);
            underK1 = before.ConfigStore.Saved!;
        }

        StoredAlertingConfig underK2;
        await using (var rotated = Keyed(("k2", K2), ("k1", K1)))
        {
            var client = await rotated.StartAsync(ReadWrite);
            rotated.ConfigStore.Saved = underK1;
            await RefreshAsync(rotated);
            Assert.Equal($"alerts?token={Token}", WebhookPath(rotated));

            await PutAsync(client, await GetConfigAsync(client), HttpStatusCode.OK);
            underK2 = rotated.ConfigStore.Saved!;
            Assert.Contains("enc:v1:k2:", underK2.Yaml);
            Assert.DoesNotContain("enc:v1:k1:", underK2.Yaml);
        }

        await using var retired = Keyed(("k2", K2));
        await retired.StartAsync(ReadWrite);
        retired.ConfigStore.Saved = underK2;
        await RefreshAsync(retired);
        Assert.Equal($"alerts?token={Token}", WebhookPath(retired));
    }

    [Fact]
    public async Task A_stored_secret_that_does_not_decrypt_keeps_the_config_in_force_and_is_logged_without_it()
    {
        StoredAlertingConfig underK1;
        await using (var before = Keyed(("k1", K1)))
        {
            await PutAsync(await before.StartAsync(ReadWrite), Config, HttpStatusCode.OK);
            underK1 = before.ConfigStore.Saved!;
        }

        await using var other = Keyed(("k2", K2));
        await other.StartAsync(ReadWrite);
        other.ConfigStore.Saved = underK1;
        await RefreshAsync(other);

        Assert.Null(other.Services.GetRequiredService<IReceiverCatalog>().Targets("hooks"));
        Assert.True(other.Logs.Contain("cannot be decrypted"), string.Join('\n', other.Logs.Lines));
        Assert.DoesNotContain(other.Logs.Lines, line => line.Contains(Token, StringComparison.Ordinal));
    }

    private static AlertServiceFactory Keyed(params (string Kid, string Key)[] keys)
    {
        var factory = new AlertServiceFactory();
        factory.With("ConfigEncryption:ActiveKeyId", keys[0].Kid);
        foreach (var (kid, key) in keys)
        {
            factory.With($"ConfigEncryption:Keys:{kid}", key);
        }

        return factory;
    }

    private static async Task<JsonElement> PutAsync(HttpClient client, string yaml, HttpStatusCode expected) =>
        await ReadAsync(await client.PutAsync("/api/v1/alerting/config", new StringContent(yaml, Encoding.UTF8, "application/yaml"),
            TestContext.Current.CancellationToken), expected);

    private static async Task<string> GetConfigAsync(HttpClient client) =>
        await client.GetStringAsync("/api/v1/alerting/config", TestContext.Current.CancellationToken);

    private static Task RefreshAsync(AlertServiceFactory factory) =>
        factory.Services.GetRequiredService<AlertEngineCycle>().RefreshConfigAsync(TestContext.Current.CancellationToken);

    /// <summary>What the engine would post to: the webhook URL the receiver catalog resolves from the configuration in force.</summary>
    private static string? WebhookPath(AlertServiceFactory factory) =>
        factory.Services.GetRequiredService<IReceiverCatalog>().Targets("hooks")?.OfType<WebhookTarget>().Single().Path;
}
