using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AirisEpm.AlertService.Domain.PrometheusRules;

/// <summary>A YAML node of the first document, with where it starts (1-based line and column).</summary>
internal abstract record YNode(int Line, int Column);

/// <summary>A scalar: its text, and its tag as yaml.v3 resolves it (<c>!!str</c> for quoted text, else by the plain text's form).</summary>
internal sealed record YScalar(int Line, int Column, string Value, string Tag) : YNode(Line, Column);

internal sealed record YSequence(int Line, int Column, List<YNode> Items) : YNode(Line, Column);

/// <summary>A mapping with its keys in order; merge keys (<c>&lt;&lt;</c>) already applied, explicit keys winning.</summary>
internal sealed record YMapping(int Line, int Column, List<KeyValuePair<YScalar, YNode>> Pairs, List<string> DuplicateKeyErrors) : YNode(Line, Column);

/// <summary>Thrown for text that is not YAML; the message is yaml.v3's form, <c>yaml: line N: reason</c>.</summary>
internal sealed class YamlSyntaxException(string message) : Exception(message);

/// <summary>
/// Reads the first YAML document into <see cref="YNode"/>s from YamlDotNet's events, as Prometheus's yaml.v3 decode
/// reads a rule file: later documents are not read, aliases share their anchor's node (so an alias bomb costs
/// nothing until walked), nesting is capped at <see cref="MaxDepth"/> so nothing recursive overflows, and every way
/// YamlDotNet fails on bad text becomes a <see cref="YamlSyntaxException"/>.
/// </summary>
internal static class YamlTree
{
    public const int MaxDepth = 200;

    /// <summary>The root node, or null for an empty stream or a document without content.</summary>
    public static YNode? ReadFirstDocument(string text)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);
        var last = Mark.Empty;
        try
        {
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _)) return null;
            return ReadNode(parser, anchors, 0, ref last);
        }
        catch (YamlException ex)
        {
            throw new YamlSyntaxException($"yaml: line {ex.Start.Line}: {Reason(ex)}");
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            throw new YamlSyntaxException($"yaml: line {last.Line}: {ex.Message}");
        }
    }

    private static YNode ReadNode(IParser parser, Dictionary<string, YNode> anchors, int depth, ref Mark last)
    {
        if (depth > MaxDepth) throw new YamlSyntaxException($"yaml: line {last.Line}: exceeded max depth of {MaxDepth}");
        var current = parser.Current ?? throw new YamlSyntaxException($"yaml: line {last.Line}: unexpected end of document");
        last = current.Start;
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                return anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new YamlSyntaxException($"yaml: unknown anchor '{alias.Value.Value}' referenced");
            case YamlDotNet.Core.Events.Scalar scalar:
                parser.MoveNext();
                var node = new YScalar((int)scalar.Start.Line, (int)scalar.Start.Column, scalar.Value, ResolveTag(scalar));
                Remember(anchors, scalar.Anchor, node);
                return node;
            case SequenceStart start:
                parser.MoveNext();
                var items = new List<YNode>();
                var sequence = new YSequence((int)start.Start.Line, (int)start.Start.Column, items);
                Remember(anchors, start.Anchor, sequence);
                while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(parser, anchors, depth + 1, ref last));
                return sequence;
            case MappingStart start:
                parser.MoveNext();
                var mapping = new YMapping((int)start.Start.Line, (int)start.Start.Column, [], []);
                Remember(anchors, start.Anchor, mapping);
                var explicitKeys = new Dictionary<string, int>(StringComparer.Ordinal);
                var merged = new List<KeyValuePair<YScalar, YNode>>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser, anchors, depth + 1, ref last);
                    var value = ReadNode(parser, anchors, depth + 1, ref last);
                    var key = keyNode as YScalar ?? new YScalar(keyNode.Line, keyNode.Column, "", "!!map");
                    if (key.Value == "<<" && key.Tag == "!!merge")
                    {
                        merged.AddRange(MergeSource(value, last));
                        continue;
                    }

                    if (explicitKeys.TryGetValue(key.Value, out var firstLine))
                    {
                        mapping.DuplicateKeyErrors.Add($"line {key.Line}: mapping key \"{key.Value}\" already defined at line {firstLine}");
                        continue;
                    }

                    explicitKeys[key.Value] = key.Line;
                    mapping.Pairs.Add(KeyValuePair.Create(key, value));
                }

                foreach (var pair in merged)
                {
                    if (explicitKeys.TryAdd(pair.Key.Value, pair.Key.Line)) mapping.Pairs.Add(pair);
                }

                return mapping;
            default:
                throw new YamlSyntaxException($"yaml: line {current.Start.Line}: did not find expected node content");
        }
    }

    private static IEnumerable<KeyValuePair<YScalar, YNode>> MergeSource(YNode value, Mark at) => value switch
    {
        YMapping map => map.Pairs,
        YSequence seq when seq.Items.All(i => i is YMapping) => seq.Items.Cast<YMapping>().SelectMany(m => m.Pairs),
        _ => throw new YamlSyntaxException($"yaml: line {at.Line}: map merge requires map or sequence of maps as the value"),
    };

    private static void Remember(Dictionary<string, YNode> anchors, AnchorName anchor, YNode node)
    {
        if (!anchor.IsEmpty) anchors[anchor.Value] = node;
    }

    private static string Reason(YamlException ex)
    {
        var message = ex.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return close >= 0 && message.StartsWith('(') ? message[(close + 3)..] : message;
    }

    /// <summary>yaml.v3's implicit resolution of plain scalars (YAML 1.2 core schema plus <c>&lt;&lt;</c>).</summary>
    private static string ResolveTag(YamlDotNet.Core.Events.Scalar scalar)
    {
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
        {
            var tag = scalar.Tag.Value;
            return tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;
        }

        if (scalar.Style != ScalarStyle.Plain) return "!!str";
        var v = scalar.Value;
        return v switch
        {
            "" or "~" or "null" or "Null" or "NULL" => "!!null",
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => "!!bool",
            "<<" => "!!merge",
            ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN" => "!!float",
            _ when IsInt(v) => "!!int",
            _ when IsFloat(v) => "!!float",
            _ => "!!str",
        };
    }

    internal static bool IsInt(string v) => GoTemplates.GoNumbers.TryParseInt(v.Replace("_", "", StringComparison.Ordinal), out _) && !v.Contains('.', StringComparison.Ordinal)
        && !(v.TrimStart('+', '-').Length > 1 && v.TrimStart('+', '-')[0] == '0' && char.IsAsciiDigit(v.TrimStart('+', '-')[1]));

    internal static bool IsFloat(string v) =>
        v.Length > 0 && (char.IsAsciiDigit(v[0]) || v[0] is '.' or '+' or '-') && v.Any(char.IsAsciiDigit)
        && double.TryParse(v.Replace("_", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
}
