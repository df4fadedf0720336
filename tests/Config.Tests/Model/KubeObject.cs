using YamlDotNet.RepresentationModel;

namespace AirisEpm.Config.Tests.Model;

/// <summary>One Kubernetes object (a YAML document with a kind: built-in, or a Dapr resource) and its file.</summary>
public sealed record KubeObject(string File, YamlMappingNode Root)
{
    public string? Kind => Root.Text("kind");

    public string? Name => Root.Text("metadata.name");

    /// <summary>The pod template of a workload; null for other kinds.</summary>
    public YamlNode? PodTemplate => Root.At("spec.template");

    public IReadOnlyDictionary<string, string> PodAnnotations => Scalars(PodTemplate.At("metadata.annotations"));

    public IReadOnlyDictionary<string, string> PodLabels => Scalars(PodTemplate.At("metadata.labels"));

    public IReadOnlyList<YamlNode> Containers => PodTemplate.At("spec.containers").Items();

    /// <summary>How a finding names a field of this object: "Deployment/metrics-service.annotations[dapr.io/config]".</summary>
    public string Field(string path) => $"{Kind}/{Name}.{path}";

    public static IReadOnlyList<KubeObject> Parse(RepoFile file) =>
        YamlNodes.Documents(file.Text).Where(root => root.Text("kind") is not null).Select(root => new KubeObject(file.Path, root)).ToList();

    /// <summary>The scalar entries of a mapping (labels, annotations, selectors).</summary>
    public static IReadOnlyDictionary<string, string> Scalars(YamlNode? mapping) =>
        mapping.Entries().Where(e => e.Value is YamlScalarNode).ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value ?? "", StringComparer.Ordinal);
}
