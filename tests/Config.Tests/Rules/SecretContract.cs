using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// The secrets the apps read from the Dapr store <c>secretstore</c> (same names in every environment), who may
/// read which, and the Kubernetes Secrets behind the sidecar tokens. Only token issuers hold the private key, only
/// the issuer that encrypts holds the AES key ring, and only the console its first admin's password
/// and its OIDC client secret.
/// </summary>
public static class SecretContract
{
    public const string Store = "secretstore";

    /// <summary>The store Dapr provisions by itself on Kubernetes, which scoping must close too.</summary>
    public const string BuiltInKubernetesStore = "kubernetes";

    public const string Jwks = "auth-jwks";
    public const string SigningKey = "auth-signing-key";
    public const string EncryptionKeys = "config-encryption-keys";

    /// <summary>The console's first admin password, read only by the console (while it has no account yet).</summary>
    public const string ConsoleAdminPassword = "console-admin-password";

    /// <summary>The console's OIDC client secret (when it signs in through a provider as a confidential client), console only.</summary>
    public const string ConsoleOidcClientSecret = "console-oidc-client-secret";

    public const string AppTokenSecret = "dapr-app-token";
    public const string ApiTokenSecret = "dapr-api-token";
    public const string TokenKey = "token";

    public static readonly IReadOnlyList<string> Names = [Jwks, SigningKey, EncryptionKeys, ConsoleAdminPassword, ConsoleOidcClientSecret];

    /// <summary>
    /// Apps that mint tokens but encrypt nothing: trace-service (its span-metrics writes to metrics-service) and
    /// metrics-service (its calls to alert-service for Prometheus's rules and alerts APIs). They read the signing key, not
    /// the AES key ring (the signer Configuration). The console signs too, and reads its first admin's password besides
    /// (its own Configuration, <c>*-console.yaml</c>).
    /// </summary>
    public static readonly IReadOnlyList<string> Signers = [AppIds.TraceService, AppIds.MetricsService];

    /// <summary>
    /// Apps that mint tokens and encrypt configuration fields with the AES key ring: alert-service (its rule queries, and
    /// the secret fields of its routing configuration). They alone read the key ring (the issuer Configuration).
    /// </summary>
    public static readonly IReadOnlyList<string> Encrypters = [AppIds.AlertService];

    /// <summary>The contract secrets an app reads: every app checks tokens, signers also sign, encrypters also encrypt.</summary>
    public static IReadOnlyList<string> Needs(string app) =>
        Encrypters.Contains(app) ? [Jwks, SigningKey, EncryptionKeys]
        : app == AppIds.Console ? [Jwks, SigningKey, ConsoleAdminPassword, ConsoleOidcClientSecret]
        : Signers.Contains(app) ? [Jwks, SigningKey]
        : [Jwks];

    /// <summary>The apps that may read <paramref name="secret"/>, for findings that name them.</summary>
    public static IReadOnlyList<string> ReadersOf(string secret) =>
        AppIds.Platform.Where(app => Needs(app).Contains(secret)).ToList();

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
