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

    /// <summary>A mapping's value at <paramref name="key"/>, or else the value a merge key (<c>&lt;&lt;: *anchor</c>) brings in.</summary>
    public static YamlNode? Child(this YamlNode? node, string key) =>
        node is not YamlMappingNode mapping ? null
        : mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value
        : Merged(mapping).Select(merged => merged.Child(key)).FirstOrDefault(found => found is not null);

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

    /// <summary>A mapping's entries, with those of merge keys (YAML 1.1 <c>&lt;&lt;</c>, as compose reads them) where not set here.</summary>
    public static IReadOnlyList<KeyValuePair<string, YamlNode>> Entries(this YamlNode? node)
    {
        if (node is not YamlMappingNode mapping)
        {
            return [];
        }

        var own = mapping.Children
            .Select(pair => new KeyValuePair<string, YamlNode>(((YamlScalarNode)pair.Key).Value ?? "", pair.Value))
            .Where(pair => pair.Key != MergeKey)
            .ToList();
        var keys = own.Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        var merged = Merged(mapping).SelectMany(Entries).Where(pair => keys.Add(pair.Key));
        return [.. own, .. merged];
    }

    /// <summary>Every scalar, mapping and sequence below <paramref name="node"/>, itself included, depth first.</summary>
    public static IEnumerable<YamlNode> Descendants(this YamlNode? node) =>
        node is null ? [] : node.AllNodes;

    private const string MergeKey = "<<";

    private static IEnumerable<YamlMappingNode> Merged(YamlMappingNode mapping) =>
        mapping.Children.TryGetValue(new YamlScalarNode(MergeKey), out var merge)
            ? merge switch
            {
                YamlMappingNode one => [one],
                YamlSequenceNode many => many.Children.OfType<YamlMappingNode>(),
                _ => [],
            }
            : [];
}
