using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AirisEpm.ServiceDefaults.Security;

/// <summary>Refuses, at start, settings that would leave a non-Development service open.</summary>
public sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var development = environment.IsDevelopment();
        if (!options.Enabled)
        {
            return development
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"Auth:Enabled=false is allowed only in the Development environment (this is '{environment.EnvironmentName}').");
        }

        if (Encoding.UTF8.GetByteCount(options.SigningKey) < 32)
        {
            return ValidateOptionsResult.Fail("Auth:SigningKey must be set and at least 32 bytes long.");
        }

        if (!development && options.SigningKey == AuthOptions.DevelopmentSigningKey)
        {
            return ValidateOptionsResult.Fail(
                $"Auth:SigningKey is the published development key; set a secret key for '{environment.EnvironmentName}'.");
        }

        return ValidateOptionsResult.Success;
    }
}
