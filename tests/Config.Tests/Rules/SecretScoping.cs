using AirisEpm.Config.Tests.Model;
using YamlDotNet.RepresentationModel;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// Dapr's secret scoping as the runtime applies it to an app's own secret reads (SecretsScope.IsSecretAllowed):
/// a store without a scope allows everything; a non-empty allowedSecrets allows only those; otherwise
/// deniedSecrets deny, and the rest follows defaultAccess (allow unless "deny").
/// </summary>
public static class SecretScoping
{
    public static YamlNode? Scope(YamlNode configuration, string store) =>
        configuration.At("spec.secrets.scopes").Items().FirstOrDefault(s => s.Text("storeName") == store);

    public static bool Allows(YamlNode configuration, string store, string secret)
    {
        if (Scope(configuration, store) is not { } scope)
        {
            return true;
        }

        var allowed = scope.Child("allowedSecrets").Strings();
        if (allowed.Count > 0)
        {
            return allowed.Contains(secret);
        }

        return !scope.Child("deniedSecrets").Strings().Contains(secret)
            && !string.Equals(scope.Text("defaultAccess"), "deny", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether a store's scope denies by default (what every Configuration here must say).</summary>
    public static bool DeniesByDefault(YamlNode configuration, string store) =>
        string.Equals(Scope(configuration, store).Text("defaultAccess"), "deny", StringComparison.OrdinalIgnoreCase);
}
