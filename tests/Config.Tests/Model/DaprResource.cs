using YamlDotNet.RepresentationModel;

namespace AirisEpm.Config.Tests.Model;

/// <summary>A Dapr resource document (Component, Resiliency, Configuration) as read from one YAML file.</summary>
public sealed record DaprResource(
    string File,
    string? Kind,
    string? Name,
    string? Type,
    IReadOnlyList<MetadataItem> Metadata,
    IReadOnlyList<string>? Scopes,
    string? AuthSecretStore,
    YamlMappingNode Root)
{
    public bool IsComponent => Kind == "Component";

    public bool IsSecretStore => IsComponent && Type?.StartsWith("secretstores.", StringComparison.Ordinal) == true;

    public MetadataItem? Find(string name) => Metadata.FirstOrDefault(m => m.Name == name);

    public static IReadOnlyList<DaprResource> Parse(RepoFile file) =>
        YamlNodes.Documents(file.Text).Select(root => FromNode(file.Path, root)).ToList();

    private static DaprResource FromNode(string file, YamlMappingNode root)
    {
        var metadata = root.At("spec.metadata").Items()
            .Select(item => new MetadataItem(
                item.Text("name") ?? "",
                item.Text("value"),
                item.Text("secretKeyRef.name"),
                item.Text("secretKeyRef.key")))
            .ToList();
        var scopes = root.Child("scopes") is { } scopeNode ? scopeNode.Strings() : null;
        return new DaprResource(
            file,
            root.Text("kind"),
            root.Text("metadata.name"),
            root.Text("spec.type"),
            metadata,
            scopes,
            root.Text("auth.secretStore"),
            root);
    }
}
