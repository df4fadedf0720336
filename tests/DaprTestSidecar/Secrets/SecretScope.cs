namespace AirisEpm.DaprTestSidecar.Secrets;

/// <summary>
/// One entry of a Configuration's <c>spec.secrets.scopes</c>, decided as daprd's <c>SecretsScope.IsSecretAllowed</c>
/// (dapr/dapr pkg/config): a non-empty <c>allowedSecrets</c> decides alone (listed keys only); otherwise a key in
/// <c>deniedSecrets</c> is denied; otherwise <c>defaultAccess</c> decides (allow unless "deny", in any case).
/// Keys match exactly (case-sensitive).
/// </summary>
public sealed record SecretScope(string StoreName, bool DenyByDefault, IReadOnlySet<string> AllowedSecrets, IReadOnlySet<string> DeniedSecrets)
{
    public bool IsAllowed(string key) =>
        AllowedSecrets.Count > 0 ? AllowedSecrets.Contains(key)
        : !DeniedSecrets.Contains(key) && !DenyByDefault;
}
