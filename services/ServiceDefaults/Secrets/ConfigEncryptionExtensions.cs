using AirisEpm.ServiceDefaults.Dapr;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AirisEpm.ServiceDefaults.Secrets;

public static class ConfigEncryptionExtensions
{
    /// <summary>
    /// <see cref="ConfigEncryptionOptions"/> (section <c>ConfigEncryption</c>, or the key ring JSON as
    /// that section's own value), validated at start, and the <see cref="FieldKeyRing"/> and
    /// <see cref="FieldProtector"/> built from them. In Development with nothing configured the
    /// documented development key is used. Outside Development, when configuration does not hold the
    /// key ring, it is read once at start from the Dapr secret <c>config-encryption-keys</c>, which
    /// the issuers' Dapr Configuration alone may read.
    /// </summary>
    public static IHostApplicationBuilder AddConfigEncryption(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Configuration.AddDaprSecret(ConfigEncryptionOptions.SecretName, ConfigEncryptionOptions.Section);
        }

        builder.Services.AddOptions<ConfigEncryptionOptions>()
            .Configure<IConfiguration>(Bind)
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                if (environment.IsDevelopment() && options.IsEmpty)
                {
                    options.ActiveKeyId = ConfigEncryptionOptions.DevelopmentKeyId;
                    options.Keys[ConfigEncryptionOptions.DevelopmentKeyId] = ConfigEncryptionOptions.DevelopmentKey;
                }
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ConfigEncryptionOptions>, ConfigEncryptionOptionsValidator>();
        builder.Services.AddSingleton(sp => FieldKeyRing.FromOptions(sp.GetRequiredService<IOptions<ConfigEncryptionOptions>>().Value));
        builder.Services.AddSingleton<FieldProtector>();
        return builder;
    }

    private static void Bind(ConfigEncryptionOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection(ConfigEncryptionOptions.Section);
        if (string.IsNullOrWhiteSpace(section.Value))
        {
            section.Bind(options);
            return;
        }

        var fromJson = ConfigEncryptionOptions.FromJson(section.Value);
        options.ActiveKeyId = fromJson.ActiveKeyId;
        options.Keys = fromJson.Keys;
    }
}
