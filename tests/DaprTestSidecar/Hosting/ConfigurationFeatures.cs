using AirisEpm.DaprTestSidecar.Components;
using YamlDotNet.RepresentationModel;

namespace AirisEpm.DaprTestSidecar.Hosting;

/// <summary>The preview features a Configuration turns on (<c>spec.features[].name</c> with <c>enabled: true</c>), as daprd's enabledFeatures.</summary>
public static class ConfigurationFeatures
{
    public static IReadOnlyList<string> Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        var configuration = stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()
            .FirstOrDefault(root => root.Text("kind") == "Configuration");
        return configuration?.Map("spec")?.Seq("features")
            .Where(f => string.Equals(f.Text("enabled"), "true", StringComparison.OrdinalIgnoreCase))
            .Select(f => f.Text("name") ?? "")
            .Where(name => name.Length > 0)
            .ToList() ?? [];
    }
}
