using AirisEpm.ServiceDefaults.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AirisEpm.ServiceDefaults.Tests.Secrets;

public sealed class ConfigEncryptionRegistrationTests
{
    [Fact]
    public void In_development_with_nothing_configured_the_development_key_is_active()
    {
        using var host = Build("Development", []);

        var ring = host.Services.GetRequiredService<FieldKeyRing>();

        Assert.Equal(ConfigEncryptionOptions.DevelopmentKeyId, ring.ActiveKeyId);
    }

    [Fact]
    public void The_section_binds_active_key_and_keys()
    {
        using var host = Build("Production", new()
        {
            ["ConfigEncryption:ActiveKeyId"] = "k2",
            ["ConfigEncryption:Keys:k1"] = Convert.ToBase64String(TestKeys.K1),
            ["ConfigEncryption:Keys:k2"] = Convert.ToBase64String(TestKeys.K2),
        });

        Assert.Equal("k2", host.Services.GetRequiredService<FieldKeyRing>().ActiveKeyId);
    }

    [Fact]
    public void The_secret_json_as_the_section_value_replaces_the_settings()
    {
        using var host = Build("Production", new()
        {
            ["ConfigEncryption"] = $$$"""{"active":"k1","keys":{"k1":"{{{Convert.ToBase64String(TestKeys.K1)}}}"}}""",
        });

        var protector = host.Services.GetRequiredService<FieldProtector>();

        Assert.Equal("k1", protector.ActiveKeyId);
        Assert.Equal("v", TestKeys.OnlyK1().Unprotect(protector.Protect("v", "p"), "p"));
    }

    [Fact]
    public void Outside_development_without_keys_they_are_read_from_the_secret_store_or_the_start_is_refused()
    {
        // No sidecar answers on these ports: the key ring cannot be read, and the message says how to give it.
        var error = Assert.Throws<InvalidOperationException>(() => Build("Production", new()
        {
            ["DAPR_HTTP_PORT"] = "1",
            ["DAPR_GRPC_PORT"] = "2",
            ["Dapr:SidecarWaitSeconds"] = "0.5",
        }));

        Assert.Contains("Secret 'config-encryption-keys' could not be read", error.Message);
        Assert.Contains("secrets.scopes", error.Message);
    }

    [Fact]
    public async Task A_key_ring_with_no_keys_refuses_the_start()
    {
        using var host = Build("Production", new() { ["ConfigEncryption:ActiveKeyId"] = "k1" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("ConfigEncryption has no keys", error.Message);
    }

    [Fact]
    public async Task Outside_development_the_development_key_refuses_the_start()
    {
        using var host = Build("Staging", new()
        {
            ["ConfigEncryption:ActiveKeyId"] = "dev",
            ["ConfigEncryption:Keys:dev"] = ConfigEncryptionOptions.DevelopmentKey,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("published development key", error.Message);
    }

    private static IHost Build(string environment, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddConfigEncryption();
        return builder.Build();
    }
}
