using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AirisEpm.ServiceDefaults.Secrets;

/// <summary>
/// Refuses, at start, a key ring that cannot seal or open values, and the published development key
/// outside the Development environment.
/// </summary>
public sealed class ConfigEncryptionOptionsValidator(IHostEnvironment environment) : IValidateOptions<ConfigEncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, ConfigEncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = KeyRingProblems.Find(options);
        if (!environment.IsDevelopment())
        {
            var developmentKey = Convert.FromBase64String(ConfigEncryptionOptions.DevelopmentKey);
            foreach (var (kid, value) in options.Keys)
            {
                if (KeyRingProblems.Decode(value) is { } key && key.AsSpan().SequenceEqual(developmentKey))
                {
                    problems.Add($"{ConfigEncryptionOptions.Section}:Keys:{kid} is the published development key; " +
                        $"set secret keys for '{environment.EnvironmentName}' in the Dapr secret {ConfigEncryptionOptions.SecretName}.");
                }
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
