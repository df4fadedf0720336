using AirisEpm.Config.Tests.Model;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>Production YAML holds no secret value: credential-like metadata must come through secretKeyRef.</summary>
public static class SecretRules
{
    private static readonly string[] SecretWords = ["password", "token", "secret", "accountsid", "credential"];

    public static IEnumerable<Finding> Check(ResourceEnvironment environment) =>
        environment.IsProduction
            ? environment.Components.SelectMany(component => component.Metadata
                .Where(item => !item.IsSecretRef && !string.IsNullOrEmpty(item.Value) && IsSecretLike(component, item.Name))
                .Select(item => new Finding(component.File, item.Field, "holds a plaintext value; use secretKeyRef")))
            : [];

    /// <summary>
    /// Names holding password/token/secret/accountSid, or ending in "Key" (apiKey, accessKey) but not a key
    /// prefix; and an HTTP binding's url, since webhook URLs carry their token in the path.
    /// </summary>
    public static bool IsSecretLike(DaprResource component, string name)
    {
        var lower = name.ToLowerInvariant();
        return SecretWords.Any(lower.Contains)
            || (name.EndsWith("Key", StringComparison.Ordinal) && !lower.StartsWith("key", StringComparison.Ordinal))
            || (component.Type == "bindings.http" && name == "url");
    }
}
