using Dapr.Client;

namespace AirisEpm.ServiceDefaults.Dapr;

/// <summary>
/// Reads one secret from the <c>secretstore</c> component. A local-file store answers
/// <c>{name: value}</c>; a Kubernetes secret answers its data keys, so the value is the key named
/// like the secret or, failing that, the secret's only key. Dapr secret scoping decides who may read.
/// </summary>
public sealed class DaprSecrets(DaprClient dapr)
{
    public async Task<string> GetAsync(string name, CancellationToken cancellationToken)
    {
        var values = await dapr.GetSecretAsync(DaprComponents.SecretStore, name, cancellationToken: cancellationToken);
        if (values.TryGetValue(name, out var value)) return value;
        if (values.Count == 1) return values.Values.Single();
        throw new KeyNotFoundException(
            $"Secret '{name}' of '{DaprComponents.SecretStore}' has {values.Count} keys and none named '{name}'.");
    }
}
