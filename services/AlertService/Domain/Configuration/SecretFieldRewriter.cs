using System.Text;
using AirisEpm.AlertService.Domain.Routing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AirisEpm.AlertService.Domain.Configuration;

/// <summary>
/// Finds the <see cref="SecretFields"/> of an alertmanager.yml-shaped document and rewrites their
/// values in place. The node tree (YamlDotNet's representation model) gives each secret scalar's
/// span in the text and only that span is replaced, so comments, key order and layout survive.
/// Empty and null values are not secrets and are left alone. A secret may not carry an anchor or be
/// an alias: its text would then stand for a second field at another path.
/// </summary>
public static class SecretFieldRewriter
{
    /// <summary>Every non-empty secret field, in document order.</summary>
    public static IReadOnlyList<SecretField> Find(string yaml)
    {
        var found = new List<SecretField>();
        Rewrite(yaml, field =>
        {
            found.Add(field);
            return null;
        });
        return found;
    }

    /// <summary>
    /// <paramref name="yaml"/> with each secret field's value replaced by what <paramref name="replace"/>
    /// answers (written as a double-quoted scalar, <see cref="SecretFields.Redacted"/> as is), or kept when it answers null.
    /// Throws <see cref="ConfigException"/> when the document is not YAML or a secret is anchored.
    /// </summary>
    public static string Rewrite(string yaml, Func<SecretField, string?> replace)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(replace);
        var walk = new Walk(replace);
        foreach (var document in Load(yaml).Documents)
        {
            walk.Visit(document.RootNode, "", []);
        }

        if (walk.Errors.Count > 0) throw new ConfigException(walk.Errors);
        var text = new StringBuilder(yaml);
        foreach (var (start, end, value) in walk.Edits.OrderByDescending(e => e.Start))
        {
            var span = yaml[start..end];
            var trailing = span[span.TrimEnd().Length..]; // a block scalar's span ends with its line breaks
            text.Remove(start, end - start).Insert(start, Scalar(value) + trailing);
        }

        return text.ToString();
    }

    private static YamlStream Load(string yaml)
    {
        YamlDepthGuard.Check(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new ConfigException([AlertingConfigYaml.SyntaxError(ex)]);
        }
        catch (ArgumentException ex)
        {
            // YamlDotNet's node tree refuses some event sequences its parser accepts (found by ConfigFilePropertyTests)
            // and does not say where; the document as a whole is named.
            throw new ConfigException([new ConfigError("line 1, column 1", $"not a YAML document alert-service can read ({ex.Message.Split(" (Parameter")[0]})")]);
        }

        return stream;
    }

    private static string Scalar(string value)
    {
        if (value == SecretFields.Redacted) return value;
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' or '\u007f' or '\u0085' or '\u2028' or '\u2029' or '\ufeff' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    private sealed class Walk(Func<SecretField, string?> replace)
    {
        // Aliases make the tree a graph; each mapping or list is visited once, at its first path.
        private readonly HashSet<YamlNode> _visited = new(ReferenceEqualityComparer.Instance);

        public List<(int Start, int End, string Value)> Edits { get; } = [];

        public List<ConfigError> Errors { get; } = [];

        public void Visit(YamlNode node, string path, List<string> keys)
        {
            if (node is not YamlScalarNode && !_visited.Add(node)) return;
            switch (node)
            {
                case YamlMappingNode mapping:
                    foreach (var (key, value) in mapping.Children)
                    {
                        if (key is not YamlScalarNode { Value: { } name }) continue;
                        keys.Add(name);
                        var child = path.Length == 0 ? name : $"{path}.{name}";
                        if (value is YamlScalarNode scalar && SecretFields.IsSecret(keys)) Secret(scalar, child);
                        else Visit(value, child, keys);
                        keys.RemoveAt(keys.Count - 1);
                    }

                    break;
                case YamlSequenceNode sequence:
                    for (var i = 0; i < sequence.Children.Count; i++)
                    {
                        Visit(sequence.Children[i], $"{path}[{i}]", keys);
                    }

                    break;
            }
        }

        private void Secret(YamlScalarNode scalar, string path)
        {
            if (IsNull(scalar)) return;
            if (!scalar.Anchor.IsEmpty)
            {
                Errors.Add(new ConfigError(path, "a secret field cannot carry a YAML anchor or be an alias; write its value in place"));
                return;
            }

            if (replace(new SecretField(path, scalar.Value!)) is { } value)
            {
                Edits.Add(((int)scalar.Start.Index, (int)scalar.End.Index, value));
            }
        }

        private static bool IsNull(YamlScalarNode scalar) =>
            string.IsNullOrEmpty(scalar.Value)
            || (scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" or "Null" or "NULL");
    }
}
