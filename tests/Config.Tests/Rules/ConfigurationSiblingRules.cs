using System.Text;
using AirisEpm.Config.Tests.Model;
using YamlDotNet.RepresentationModel;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// The token issuers' Configurations (<c>&lt;env&gt;-signer.yaml</c>, <c>&lt;env&gt;-issuer.yaml</c>, the console's <c>&lt;env&gt;-console.yaml</c>) are their environment's
/// <c>&lt;env&gt;.yaml</c> with more secrets allowed, and nothing else: the same namespace, tracing, metrics, mTLS and name
/// resolution, so a change to one environment's sidecars (as the self-tracing one was) cannot miss a sibling.
/// </summary>
public static class ConfigurationSiblingRules
{
    public static readonly IReadOnlyList<string> RoleSuffixes = ["-signer", "-issuer", "-console"];

    /// <summary>The one section in which siblings differ.</summary>
    public const string SecretsSection = "secrets";

    public static IEnumerable<Finding> Check(Repo repo, string folder)
    {
        foreach (var path in repo.List(folder, "*.yaml"))
        {
            var stem = Path.GetFileNameWithoutExtension(path);
            var suffix = RoleSuffixes.FirstOrDefault(s => stem.EndsWith(s, StringComparison.Ordinal));
            if (suffix is null)
            {
                continue;
            }

            var basePath = $"{folder}/{stem[..^suffix.Length]}.yaml";
            if (!repo.FileExists(basePath))
            {
                yield return new(path, "metadata.name", $"has no environment Configuration {basePath} to agree with");
                continue;
            }

            foreach (var finding in Compare(Root(repo.Read(path)), Root(repo.Read(basePath)), path, basePath))
            {
                yield return finding;
            }
        }
    }

    private static IEnumerable<Finding> Compare(YamlNode sibling, YamlNode environment, string path, string basePath)
    {
        if (sibling.Text("metadata.namespace") != environment.Text("metadata.namespace"))
        {
            yield return new(path, "metadata.namespace", $"must be {basePath}'s ('{environment.Text("metadata.namespace")}')");
        }

        var sections = sibling.Child("spec").Entries().Select(e => e.Key)
            .Union(environment.Child("spec").Entries().Select(e => e.Key), StringComparer.Ordinal)
            .Where(key => key != SecretsSection)
            .Order(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            if (Canonical(sibling.At("spec." + section)) != Canonical(environment.At("spec." + section)))
            {
                yield return new(path, "spec." + section, $"differs from {basePath}'s; the two may differ only in spec.{SecretsSection}");
            }
        }
    }

    private static YamlNode Root(RepoFile file) => YamlNodes.Documents(file.Text) is [var root, ..] ? root : new YamlMappingNode();

    /// <summary>A node as text with mapping keys sorted, so that key order and comments do not count as differences.</summary>
    private static string Canonical(YamlNode? node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    private static void Write(YamlNode? node, StringBuilder text)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                text.Append('"').Append(scalar.Value?.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                break;
            case YamlSequenceNode sequence:
                text.Append('[');
                foreach (var item in sequence.Children)
                {
                    Write(item, text);
                    text.Append(',');
                }

                text.Append(']');
                break;
            case YamlMappingNode:
                text.Append('{');
                foreach (var (key, value) in node.Entries().OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    text.Append('"').Append(key).Append("\":");
                    Write(value, text);
                    text.Append(',');
                }

                text.Append('}');
                break;
            default:
                text.Append("null");
                break;
        }
    }
}
