using AirisEpm.ServiceDefaults.Secrets;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace AirisEpm.ServiceDefaults.Tests.Secrets;

public sealed class ConfigEncryptionOptionsValidatorTests
{
    private static readonly string Secret = Convert.ToBase64String(TestKeys.K1);

    [Theory]
    [InlineData("Development", "dev", ConfigEncryptionOptions.DevelopmentKey, null)]
    [InlineData("Production", "dev", ConfigEncryptionOptions.DevelopmentKey, "Keys:dev is the published development key")]
    [InlineData("Staging", "k1", ConfigEncryptionOptions.DevelopmentKey, "Keys:k1 is the published development key")]
    [InlineData("Production", "k1", "SECRET", null)]
    [InlineData("Production", "k1", "c2hvcnQ=", "exactly 32 bytes")]
    public void Each_key_is_accepted_or_refused_with_the_reason(string environment, string kid, string key, string? failure)
    {
        var options = new ConfigEncryptionOptions { ActiveKeyId = kid, Keys = { [kid] = key == "SECRET" ? Secret : key } };

        var result = new ConfigEncryptionOptionsValidator(new Environment(environment)).Validate(null, options);

        if (failure is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.True(result.Failed);
            Assert.Contains(failure, result.FailureMessage);
        }
    }

    [Fact]
    public void Without_keys_it_names_the_secret_to_set()
    {
        var result = new ConfigEncryptionOptionsValidator(new Environment("Production")).Validate(null, new ConfigEncryptionOptions());

        Assert.True(result.Failed);
        Assert.Contains(ConfigEncryptionOptions.SecretName, result.FailureMessage);
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var options = new ConfigEncryptionOptions { ActiveKeyId = "k9", Keys = { ["k1"] = "c2hvcnQ=", ["k2"] = ConfigEncryptionOptions.DevelopmentKey } };

        var failures = new ConfigEncryptionOptionsValidator(new Environment("Production")).Validate(null, options).Failures!.ToList();

        Assert.Equal(3, failures.Count);
    }

    [Fact]
    public void The_development_key_is_32_bytes()
    {
        Assert.Equal(FieldKeyRing.KeySize, Convert.FromBase64String(ConfigEncryptionOptions.DevelopmentKey).Length);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "test";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
