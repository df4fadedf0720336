using YamlDotNet.RepresentationModel;

namespace AirisEpm.DaprTestSidecar.Components;

internal static class YamlNodeExtensions
{
    public static YamlNode? Child(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static string? Text(this YamlMappingNode node, string key) => (node.Child(key) as YamlScalarNode)?.Value;

    public static YamlMappingNode? Map(this YamlMappingNode node, string key) => node.Child(key) as YamlMappingNode;

    public static IEnumerable<YamlMappingNode> Seq(this YamlMappingNode node, string key) =>
        (node.Child(key) as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [];

    public static IReadOnlyList<string> Strings(this YamlMappingNode node, string key) =>
        (node.Child(key) as YamlSequenceNode)?.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList() ?? [];

    public static IEnumerable<(string Key, YamlMappingNode Value)> Entries(this YamlMappingNode? node) =>
        node is null
            ? []
            : node.Children.Where(c => c.Value is YamlMappingNode)
                .Select(c => (((YamlScalarNode)c.Key).Value ?? "", (YamlMappingNode)c.Value));
}
