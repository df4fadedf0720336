using YamlDotNet.RepresentationModel;

namespace AirisEpm.Config.Tests.Model;

/// <summary>Small read helpers over YamlDotNet's representation model; a missing node is null, never an exception.</summary>
public static class YamlNodes
{
    /// <summary>Every document of a YAML text whose root is a mapping.</summary>
    public static IReadOnlyList<YamlMappingNode> Documents(string text)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        stream.Load(reader);
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
    }

    public static YamlNode? Child(this YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>The scalar at <paramref name="path"/> ("spec.tracing.samplingRate"), or null.</summary>
    public static string? Text(this YamlNode? node, string path)
    {
        var current = node;
        foreach (var key in path.Split('.'))
        {
            current = current.Child(key);
        }

        return current is YamlScalarNode scalar ? scalar.Value : null;
    }

    public static YamlNode? At(this YamlNode? node, string path) =>
        path.Split('.').Aggregate(node, (current, key) => current.Child(key));

    public static IReadOnlyList<YamlNode> Items(this YamlNode? node) =>
        node is YamlSequenceNode sequence ? sequence.Children.ToList() : [];

    /// <summary>The scalars of a sequence (a lone scalar is not a sequence and gives none).</summary>
    public static IReadOnlyList<string> Strings(this YamlNode? node) =>
        node.Items().OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList();

    public static IReadOnlyList<KeyValuePair<string, YamlNode>> Entries(this YamlNode? node) =>
        node is YamlMappingNode mapping
            ? mapping.Children.Select(pair => new KeyValuePair<string, YamlNode>(((YamlScalarNode)pair.Key).Value ?? "", pair.Value)).ToList()
            : [];
}
