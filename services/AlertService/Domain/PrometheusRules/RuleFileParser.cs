using System.Globalization;
using AirisEpm.PromQl.Model;
using AirisEpm.PromQl.Parser;

namespace AirisEpm.AlertService.Domain.PrometheusRules;

/// <summary>A parsed rule file, or the reasons it is refused (promtool's texts, one per problem).</summary>
public sealed record RuleFileParse(PromRuleFile? File, IReadOnlyList<string> Errors)
{
    public bool IsValid => File is not null;
}

/// <summary>
/// Reads a Prometheus rule file as <c>promtool check rules</c> (Prometheus's <c>rulefmt.Parse</c>) does: a strict
/// decode of the first YAML document (unknown fields, wrong kinds and bad durations refused in yaml.v3's words),
/// then the checks of <c>RuleGroups.Validate</c> with their positions and texts: group names present and unique;
/// per rule exactly one of <c>record</c>/<c>alert</c>, an <c>expr</c> that parses, no <c>annotations</c>/<c>for</c>/
/// <c>keep_firing_for</c> on a recording rule, a valid recording name, valid label and annotation names, and label and
/// annotation templates that parse. Errors naming a rule read <c>L:C: group "g", rule N, "name": reason</c>.
/// Beyond Prometheus 2.42, as Prometheus 3: a group's <c>query_offset</c> and <c>labels</c>, and PromQL 3
/// (<see cref="PromQlParser"/>). Duplicate rules, a lint warning for promtool, are accepted.
/// </summary>
public static class RuleFileParser
{
    private static readonly HashSet<string> FileFields = ["groups"];
    private static readonly HashSet<string> GroupFields = ["name", "interval", "limit", "query_offset", "labels", "rules"];
    private static readonly HashSet<string> RuleFields = ["record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations"];

    public static RuleFileParse Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        YNode? root;
        try
        {
            root = YamlTree.ReadFirstDocument(text);
        }
        catch (YamlSyntaxException ex)
        {
            return new RuleFileParse(null, [ex.Message]);
        }

        var decode = new Decoder();
        List<GroupNode> groups;
        try
        {
            groups = decode.File(root);
        }
        catch (DecodeAbort abort)
        {
            return new RuleFileParse(null, [abort.Message]);
        }

        if (decode.Errors.Count > 0) return new RuleFileParse(null, ["yaml: unmarshal errors:\n  " + string.Join("\n  ", decode.Errors)]);
        var errors = Validate(groups);
        return errors.Count > 0 ? new RuleFileParse(null, errors) : new RuleFileParse(new PromRuleFile(groups.Select(g => g.ToGroup()).ToList()), []);
    }

    private static List<string> Validate(List<GroupNode> groups)
    {
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            if (group.Name.Length == 0) errors.Add($"{group.Line}:{group.Column}: Groupname must not be empty");
            if (!seen.Add(group.Name)) errors.Add($"{group.Line}:{group.Column}: groupname: \"{group.Name}\" is repeated in the same file");
            foreach (var (key, _) in group.Labels.Where(l => !IsLabelName(l.Key)))
            {
                errors.Add($"{group.Line}:{group.Column}: group \"{group.Name}\": invalid label name: {key}");
            }

            for (var i = 0; i < group.Rules.Count; i++)
            {
                var rule = group.Rules[i];
                var name = rule.Alert?.Value is { Length: > 0 } alert ? alert : rule.Record?.Value ?? "";
                foreach (var (position, reason) in ValidateRule(rule))
                {
                    errors.Add($"{position}group {GoQuoted(group.Name)}, rule {i + 1}, {GoQuoted(name)}: {reason}");
                }
            }
        }

        return errors;
    }

    private static IEnumerable<(string Position, string Reason)> ValidateRule(RuleNode r)
    {
        var record = r.Record?.Value ?? "";
        var alert = r.Alert?.Value ?? "";
        if (record.Length > 0 && alert.Length > 0) yield return (At(r.Record) + At(r.Alert), "only one of 'record' and 'alert' must be set");
        if (record.Length == 0 && alert.Length == 0) yield return (At(r.Record), "one of 'record' or 'alert' must be set");
        var expr = r.Expr?.Value ?? "";
        if (expr.Length == 0) yield return (At(r.Expr), "field 'expr' must be set in rule");
        else if (ExprError(expr) is { } parseError) yield return (At(r.Expr), "could not parse expression: " + parseError);
        if (record.Length > 0)
        {
            if (r.HasAnnotations) yield return (At(r.Record), "invalid field 'annotations' in recording rule");
            if (r.For != TimeSpan.Zero) yield return (At(r.Record), "invalid field 'for' in recording rule");
            if (r.KeepFiringFor != TimeSpan.Zero) yield return (At(r.Record), "invalid field 'keep_firing_for' in recording rule");
            if (!LabelNames.IsLegacyMetricName(record)) yield return (At(r.Record), $"invalid recording rule name: {record}");
        }

        foreach (var key in r.Labels.Keys.Where(k => !IsLabelName(k) || k == LabelSet.MetricName).Order(StringComparer.Ordinal))
        {
            yield return ("", $"invalid label name: {key}");
        }

        foreach (var key in r.Annotations.Keys.Where(k => !IsLabelName(k)).Order(StringComparer.Ordinal))
        {
            yield return ("", $"invalid annotation name: {key}");
        }

        if (alert.Length == 0) yield break;
        foreach (var (key, value) in r.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            if (PromTemplate.ParseError(alert, value) is { } error) yield return ("", $"label {GoQuoted(key)}: {error}");
        }

        foreach (var (key, value) in r.Annotations.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            if (PromTemplate.ParseError(alert, value) is { } error) yield return ("", $"annotation {GoQuoted(key)}: {error}");
        }
    }

    /// <summary>Label and annotation names as Prometheus 2 and Alertmanager 0.25 check them (<c>[a-zA-Z_][a-zA-Z0-9_]*</c>).</summary>
    private static bool IsLabelName(string name) => LabelNames.IsLegacyLabelName(name);

    private static string? ExprError(string expr)
    {
        try
        {
            PromQlParser.ParseExpr(expr);
            return null;
        }
        catch (ParseException ex)
        {
            return ex.Message;
        }
    }

    private static string At(YNode? node) => node is null ? "0:0: " : string.Create(CultureInfo.InvariantCulture, $"{node.Line}:{node.Column}: ");

    private static string GoQuoted(string s) => GoTemplates.GoQuote.Quote(s);

    private sealed record GroupNode(
        int Line, int Column, string Name, TimeSpan? Interval, int Limit, TimeSpan? QueryOffset, Dictionary<string, string> Labels, List<RuleNode> Rules)
    {
        public PromRuleGroup ToGroup() => new(Name, Interval, Limit, QueryOffset, Labels, Rules.Select(r => r.ToRule()).ToList());
    }

    private sealed record RuleNode(
        YScalar? Record, YScalar? Alert, YScalar? Expr, TimeSpan For, TimeSpan KeepFiringFor,
        Dictionary<string, string> Labels, Dictionary<string, string> Annotations, bool HasAnnotations)
    {
        public PromRule ToRule() => Alert?.Value is { Length: > 0 } alert
            ? new PromAlertingRule(alert, Expr!.Value, For, KeepFiringFor, Labels, Annotations)
            : new PromRecordingRule(Record!.Value, Expr!.Value, Labels);
    }

    private sealed class DecodeAbort(string message) : Exception(message);

    /// <summary>yaml.v3's strict decode into rulefmt's types: type errors are collected, a bad duration aborts.</summary>
    private sealed class Decoder
    {
        public List<string> Errors { get; } = [];

        public List<GroupNode> File(YNode? root)
        {
            var groups = new List<GroupNode>();
            if (root is not YMapping map)
            {
                if (root is not (null or YScalar { Tag: "!!null" })) TypeError(root, "rulefmt.RuleGroups");
                return groups;
            }

            foreach (var (key, value) in Fields(map, FileFields, "rulefmt.RuleGroups"))
            {
                if (key != "groups") continue;
                foreach (var item in Sequence(value, "[]rulefmt.RuleGroup"))
                {
                    if (Group(item) is { } group) groups.Add(group);
                }
            }

            return groups;
        }

        private GroupNode? Group(YNode node)
        {
            if (node is not YMapping map)
            {
                if (node is YScalar { Tag: "!!null" }) return null;
                TypeError(node, "rulefmt.RuleGroup");
                return null;
            }

            var group = new GroupNode(map.Line, map.Column, "", null, 0, null, new Dictionary<string, string>(StringComparer.Ordinal), []);
            foreach (var (key, value) in Fields(map, GroupFields, "rulefmt.RuleGroup"))
            {
                group = key switch
                {
                    "name" => group with { Name = String(value) ?? "" },
                    "interval" => group with { Interval = Duration(value) },
                    "limit" => group with { Limit = Int(value) },
                    "query_offset" => group with { QueryOffset = Duration(value) },
                    "labels" => group with { Labels = StringMap(value) ?? group.Labels },
                    "rules" => group with { Rules = [.. Sequence(value, "[]rulefmt.RuleNode").Select(Rule).OfType<RuleNode>()] },
                    _ => group,
                };
            }

            return group;
        }

        private RuleNode? Rule(YNode node)
        {
            if (node is not YMapping map)
            {
                if (node is YScalar { Tag: "!!null" }) return null;
                TypeError(node, "rulefmt.RuleNode");
                return null;
            }

            var rule = new RuleNode(null, null, null, TimeSpan.Zero, TimeSpan.Zero, new Dictionary<string, string>(StringComparer.Ordinal),
                new Dictionary<string, string>(StringComparer.Ordinal), false);
            foreach (var (key, value) in Fields(map, RuleFields, "rulefmt.RuleNode"))
            {
                rule = key switch
                {
                    "record" => rule with { Record = AnyNode(value) },
                    "alert" => rule with { Alert = AnyNode(value) },
                    "expr" => rule with { Expr = AnyNode(value) },
                    "for" => rule with { For = Duration(value) ?? TimeSpan.Zero },
                    "keep_firing_for" => rule with { KeepFiringFor = Duration(value) ?? TimeSpan.Zero },
                    "labels" => rule with { Labels = StringMap(value) ?? rule.Labels },
                    "annotations" => StringMap(value) is { } annotations ? rule with { Annotations = annotations, HasAnnotations = true } : rule,
                    _ => rule,
                };
            }

            return rule;
        }

        private IEnumerable<(string Key, YNode Value)> Fields(YMapping map, HashSet<string> known, string type)
        {
            Errors.AddRange(map.DuplicateKeyErrors);
            foreach (var (key, value) in map.Pairs)
            {
                if (!known.Contains(key.Value))
                {
                    Errors.Add($"line {key.Line}: field {key.Value} not found in type {type}");
                    continue;
                }

                yield return (key.Value, value);
            }
        }

        private IEnumerable<YNode> Sequence(YNode node, string type)
        {
            if (node is YSequence seq) return seq.Items;
            if (node is not YScalar { Tag: "!!null" }) TypeError(node, type);
            return [];
        }

        /// <summary>A <c>yaml.Node</c> field keeps any node; its Value is a scalar's text, "" for anything else.</summary>
        private static YScalar AnyNode(YNode node) => node as YScalar ?? new YScalar(node.Line, node.Column, "", "!!map");

        private string? String(YNode node)
        {
            switch (node)
            {
                case YScalar { Tag: "!!null" }:
                    return null;
                case YScalar scalar:
                    return scalar.Value;
                default:
                    TypeError(node, "string");
                    return null;
            }
        }

        private Dictionary<string, string>? StringMap(YNode node)
        {
            if (node is YScalar { Tag: "!!null" }) return null;
            if (node is not YMapping map)
            {
                TypeError(node, "map[string]string");
                return null;
            }

            Errors.AddRange(map.DuplicateKeyErrors);
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in map.Pairs)
            {
                if (String(value) is { } text) result[key.Tag == "!!null" ? "" : key.Value] = text;
            }

            return result;
        }

        private int Int(YNode node)
        {
            if (node is YScalar { Tag: "!!null" }) return 0;
            if (node is YScalar { Tag: "!!int" } i && GoTemplates.GoNumbers.TryParseInt(i.Value.Replace("_", "", StringComparison.Ordinal), out var value))
            {
                return (int)Math.Clamp(value, int.MinValue, int.MaxValue);
            }

            if (node is YScalar { Tag: "!!float" } f && double.TryParse(f.Value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                && double.IsFinite(d) && Math.Abs(d) < 9.2e18)
            {
                return (int)Math.Clamp((long)d, int.MinValue, int.MaxValue);
            }

            TypeError(node, "int");
            return 0;
        }

        /// <summary>Prometheus's <c>model.Duration</c>: a string in its syntax; a null leaves the default.</summary>
        private TimeSpan? Duration(YNode node)
        {
            if (node is YScalar { Tag: "!!null" }) return null;
            if (String(node) is not { } text) return null;
            if (!PromDuration.TryParseMs(text, out var ms, out var error)) throw new DecodeAbort(error);
            return TimeSpan.FromMilliseconds(ms);
        }

        private void TypeError(YNode node, string type)
        {
            var (tag, shown) = node switch
            {
                YScalar s => (s.Tag, $" `{(s.Value.Length > 40 ? s.Value[..40] + "..." : s.Value)}`"),
                YSequence => ("!!seq", ""),
                _ => ("!!map", ""),
            };
            Errors.Add($"line {node.Line}: cannot unmarshal {tag}{shown} into {type}");
        }
    }
}
