using AirisEpm.Config.Tests.Model;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>Rules every resource document obeys on its own: known kind and type, required metadata, scopes.</summary>
public static class ComponentRules
{
    public static IEnumerable<Finding> Check(ResourceEnvironment environment) =>
        environment.Resources.SelectMany(resource => Check(resource, environment));

    private static IEnumerable<Finding> Check(DaprResource resource, ResourceEnvironment environment)
    {
        if (resource.Root.Text("apiVersion") != DaprCatalog.ApiVersion)
        {
            yield return new(resource.File, "apiVersion", $"must be {DaprCatalog.ApiVersion}");
        }

        if (resource.Kind is null || !DaprCatalog.Kinds.Contains(resource.Kind))
        {
            yield return new(resource.File, "kind", $"'{resource.Kind}' is not a Dapr resource kind");
            yield break;
        }

        if (string.IsNullOrWhiteSpace(resource.Name))
        {
            yield return new(resource.File, "metadata.name", "is missing");
        }

        if (!resource.IsComponent)
        {
            yield break;
        }

        if (resource.Type is null || !DaprCatalog.ComponentTypes.Contains(resource.Type))
        {
            yield return new(resource.File, "spec.type", $"'{resource.Type}' is not a known Dapr component type");
        }
        else if (DaprCatalog.RequiredMetadata.TryGetValue(resource.Type, out var required))
        {
            foreach (var name in required.Where(name => !HasValue(resource.Find(name))))
            {
                yield return new(resource.File, $"spec.metadata[{name}]", $"{resource.Type} requires it (a value or a secretKeyRef)");
            }
        }

        foreach (var finding in CheckScopes(resource).Concat(CheckSecretRefs(resource, environment)))
        {
            yield return finding;
        }
    }

    private static bool HasValue(MetadataItem? item) =>
        item is not null && (item.IsSecretRef ? !string.IsNullOrWhiteSpace(item.SecretKey) : !string.IsNullOrWhiteSpace(item.Value));

    private static IEnumerable<Finding> CheckScopes(DaprResource resource)
    {
        if (resource.Scopes is null || resource.Scopes.Count == 0)
        {
            yield return new(resource.File, "scopes", "every component lists the app ids that may use it");
            yield break;
        }

        foreach (var scope in resource.Scopes.Where(scope => !AppIds.Platform.Contains(scope)))
        {
            yield return new(resource.File, "scopes", $"'{scope}' is not an app id ({string.Join(", ", AppIds.Platform)})");
        }
    }

    private static IEnumerable<Finding> CheckSecretRefs(DaprResource resource, ResourceEnvironment environment)
    {
        var refs = resource.Metadata.Where(m => m.IsSecretRef).ToList();
        foreach (var item in refs.Where(item => string.IsNullOrWhiteSpace(item.SecretKey)))
        {
            yield return new(resource.File, item.Field + ".secretKeyRef.key", "is missing");
        }

        if (refs.Count == 0)
        {
            yield break;
        }

        var store = resource.AuthSecretStore;
        if (store is null || !environment.Components.Any(c => c.IsSecretStore && c.Name == store))
        {
            yield return new(resource.File, "auth.secretStore", $"'{store}' must name a secret store declared in {environment.Folder}");
        }
    }
}
