using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// The secrets the apps read from the Dapr store <c>secretstore</c> (same names in every environment), who may
/// read which, and the Kubernetes Secrets behind the sidecar tokens. Only token issuers hold the private key.
/// </summary>
public static class SecretContract
{
    public const string Store = "secretstore";

    /// <summary>The store Dapr provisions by itself on Kubernetes, which scoping must close too.</summary>
    public const string BuiltInKubernetesStore = "kubernetes";

    public const string Jwks = "auth-jwks";
    public const string SigningKey = "auth-signing-key";
    public const string EncryptionKeys = "config-encryption-keys";

    public const string AppTokenSecret = "dapr-app-token";
    public const string ApiTokenSecret = "dapr-api-token";
    public const string TokenKey = "token";

    public static readonly IReadOnlyList<string> Names = [Jwks, SigningKey, EncryptionKeys];

    /// <summary>
    /// Apps that mint tokens: alert-service (its rule queries), trace-service (its span-metrics writes to metrics-service) and
    /// the console. They alone read the signing key and the AES key ring (they share one issuer Configuration).
    /// </summary>
    public static readonly IReadOnlyList<string> Issuers = [AppIds.AlertService, AppIds.TraceService, "console"];

    /// <summary>The contract secrets an app reads: every app checks tokens, issuers also sign and encrypt.</summary>
    public static IReadOnlyList<string> Needs(string app) => Issuers.Contains(app) ? Names : [Jwks];

    /// <summary>
    /// An environment variable or metadata name that holds a credential: it says token, password, secret, key
    /// or connection string (case and separators ignored).
    /// </summary>
    public static bool IsSecretLikeName(string name)
    {
        var squashed = name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        return new[] { "token", "password", "secret", "key", "connectionstring" }.Any(squashed.Contains);
    }
}
