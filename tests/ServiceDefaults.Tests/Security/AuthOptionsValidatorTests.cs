using AirisEpm.ServiceDefaults.Security;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace AirisEpm.ServiceDefaults.Tests.Security;

public sealed class AuthOptionsValidatorTests
{
    private static readonly string SecretKey = new('k', 48);

    [Theory]
    [InlineData("Development", false, "", null)]
    [InlineData("Production", false, "", "Auth:Enabled=false is allowed only in the Development environment")]
    [InlineData("Development", true, "", "at least 32 bytes")]
    [InlineData("Production", true, "too-short-key", "at least 32 bytes")]
    [InlineData("Development", true, AuthOptions.DevelopmentSigningKey, null)]
    [InlineData("Staging", true, AuthOptions.DevelopmentSigningKey, "published development key")]
    [InlineData("Production", true, "SECRET", null)]
    public void Each_setting_is_accepted_or_refused_with_the_reason(string environment, bool enabled, string key, string? failure)
    {
        var options = new AuthOptions { Enabled = enabled, SigningKey = key == "SECRET" ? SecretKey : key };
        var result = new AuthOptionsValidator(new Environment(environment)).Validate(null, options);

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
    public void The_key_length_is_counted_in_utf8_bytes()
    {
        var sixteenTwoByteChars = new string('é', 16);
        var result = new AuthOptionsValidator(new Environment("Production")).Validate(null, new AuthOptions { SigningKey = sixteenTwoByteChars });
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "test";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
