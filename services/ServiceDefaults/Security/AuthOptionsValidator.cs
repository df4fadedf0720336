using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AirisEpm.ServiceDefaults.Security;

/// <summary>Refuses, at start, settings that would leave a service outside Development open or forgeable.</summary>
public sealed class AuthOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var problems = new List<string>();
        var here = environment.EnvironmentName;
        var development = environment.IsDevelopment();
        if (!development && !options.Enabled)
        {
            problems.Add($"Auth:Enabled=false is allowed only in the Development environment (this is '{here}').");
        }

        if (!development && string.IsNullOrEmpty(configuration[SidecarAuthentication.AppApiTokenKey]))
        {
            problems.Add($"APP_API_TOKEN is not set: outside Development the routes only the Dapr sidecar may call " +
                $"(subscriptions, bindings, actors) need it. Set the same random value in the environment of this app and of its daprd " +
                $"(Kubernetes: annotation dapr.io/app-token-secret plus the APP_API_TOKEN env from that secret).");
        }

        if (!development && options.UseDevelopmentKeys)
        {
            problems.Add($"Auth:UseDevelopmentKeys is allowed only in Development (this is '{here}'); the published key pair lets anyone mint tokens.");
        }

        if (options.Jwks.Length > 0) Check(() => SigningKeys.ParseKeySet(options.Jwks).Any(k => k.Kid == DevelopmentKeys.KeyId), "Auth:Jwks", problems, development);
        if (options.SigningKey.Length > 0) Check(() => SigningKeys.ParsePrivateKey(options.SigningKey).Kid == DevelopmentKeys.KeyId, "Auth:SigningKey", problems, development);
        if (options.KeyRefreshInterval < KeySetConfigurationManager.MinimumRefreshInterval)
        {
            problems.Add($"Auth:KeyRefreshInterval must be at least {KeySetConfigurationManager.MinimumRefreshInterval.TotalSeconds} s.");
        }

        if (options.ServiceTokenLifetime <= TimeSpan.Zero || options.ServiceTokenLifetime > TimeSpan.FromHours(1))
        {
            problems.Add("Auth:ServiceTokenLifetime must be more than zero and at most one hour.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>The document must parse; outside Development it must not be (or hold) the development key.</summary>
    private void Check(Func<bool> holdsDevelopmentKey, string setting, List<string> problems, bool development)
    {
        try
        {
            if (!development && holdsDevelopmentKey())
            {
                problems.Add($"{setting} holds the published development key; set your own for '{environment.EnvironmentName}'.");
            }
        }
        catch (FormatException ex)
        {
            problems.Add($"{setting}: {ex.Message}");
        }
    }
}
