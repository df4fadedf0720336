using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.AlertService.Domain.Routing;
using CsCheck;

namespace AirisEpm.AlertService.Tests.Domain.Configuration;

/// <summary>
/// Whatever text arrives as an alertmanager.yml, loading answers a configuration or a
/// <see cref="ConfigException"/>, never another exception, and quickly: random text, random YAML-ish
/// token soups, and the real fixtures with characters and whole lines edited. A document that is not
/// YAML, or not of the file's shape (unknown key, wrong type), is named by its line and column; a
/// well-formed one with a bad value by the path of that value (<c>route.routes[1].group_wait</c>). Both
/// readers a PUT goes through are exercised: the secret-field walk, then the loader.
/// </summary>
public sealed partial class ConfigFilePropertyTests
{
    private static readonly string[] Documents = [.. ConfigFixtures.Names.Select(ConfigFixtures.Read)];

    private static readonly string[] Fragments =
    [
        "route:", "receiver:", "receivers:", "- name:", "routes:", "group_by:", "[", "]", "{", "}", "'...'", "...", "matchers:", "match:",
        "match_re:", "inhibit_rules:", "equal:", "time_intervals:", "global:", "resolve_timeout:", "5m", "-1s", "x", "\"", "'", ":", "-", "&a",
        "*a", "!!str", "!!map", "? ", "|", ">", "#", "\n", "\n  ", "\n    ", "\t", "a=\"b\"", "a=~\"(\"", "email_configs:", "to:", "pagerduty_configs:",
        "webhook_configs:", "url:", "max_alerts:", "-5", "true", "null", "~", "%YAML 1.1", "---",
    ];

    [Fact]
    public void Random_text_only_ever_gives_config_errors()
    {
        Gen.String.Sample(Check, iter: 5_000);
        Gen.Char["route:eiv -[]{}'\"\n\t#&*!|>?,0aZ_"].Array[0, 120].Select(c => new string(c)).Sample(Check, iter: 5_000);
    }

    [Fact]
    public void Token_soups_only_ever_give_config_errors()
    {
        Gen.OneOf(Fragments).Array[0, 40].Select(parts => string.Join(" ", parts)).Sample(Check, iter: 5_000);
    }

    [Fact]
    public void Mutated_real_files_only_ever_give_config_errors()
    {
        var edit = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 100_000], Gen.OneOf(Fragments), (kind, position, text) => (Kind: kind, Position: position, Text: text));
        Gen.Select(Gen.OneOf(Documents), edit.Array[1, 5]).Select(pair => Mutate(pair.Item1, pair.Item2)).Sample(Check, iter: 3_000);
    }

    [Fact]
    public void Deep_and_long_documents_fail_cleanly_and_quickly()
    {
        var clock = Stopwatch.StartNew();
        Check(new string('[', 100_000));
        Check("route:\n  routes:\n" + string.Concat(Enumerable.Range(1, 5_000).Select(i => new string(' ', 2 + 2 * i) + "- routes:\n")));
        Check("a: &a [" + string.Join(",", Enumerable.Repeat("x", 100)) + "]\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"b{i}: &b{i} [*{(i == 0 ? "a" : $"b{i - 1}")}, *{(i == 0 ? "a" : $"b{i - 1}")}]\n")));
        Check("route:\n  receiver: " + new string('r', 500_000));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_shape_error_names_line_and_column()
    {
        var error = Assert.Single(Assert.Throws<ConfigException>(() => AlertingConfigHolder.Parse("route:\n  receiver: a\n  recever: b\nreceivers: [{name: a}]\n")).Errors);

        Assert.StartsWith("line 3, column 3", error.Path, StringComparison.Ordinal);
        Assert.Contains("recever", error.Reason, StringComparison.Ordinal);
    }

    internal static string Mutate(string document, (int Kind, int Position, string Text)[] edits)
    {
        var lines = document.Split('\n').ToList();
        foreach (var (kind, position, text) in edits)
        {
            var line = position % lines.Count;
            var column = lines[line].Length == 0 ? 0 : position % lines[line].Length;
            switch (kind)
            {
                case 0: lines.RemoveAt(line); break;
                case 1: lines.Insert(line, lines[(position / 7) % lines.Count]); break;
                case 2: lines[line] = "  " + lines[line]; break;
                case 3: lines[line] = lines[line].Insert(column, text); break;
                case 4 when lines[line].Length > 0: lines[line] = lines[line].Remove(column, 1); break;
                default: lines[line] = lines[line][..column] + text; break;
            }

            if (lines.Count == 0) lines.Add("");
        }

        return string.Join('\n', lines);
    }

    private static void Check(string yaml)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            SecretFieldRewriter.Find(yaml); // what PUT reads first, to keep stored secrets
            AlertingConfigHolder.Parse(yaml);
        }
        catch (ConfigException ex)
        {
            Assert.NotEmpty(ex.Errors);
            foreach (var error in ex.Errors)
            {
                Assert.False(string.IsNullOrWhiteSpace(error.Reason), yaml);
                Assert.True(LineAndColumn().IsMatch(error.Path) || FieldPath().IsMatch(error.Path), $"{error.Path}: {error.Reason}");
            }
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed} for {yaml[..Math.Min(200, yaml.Length)]}");
    }

    [GeneratedRegex(@"^line \d+, column \d+$")]
    private static partial Regex LineAndColumn();

    [GeneratedRegex(@"^(route|receivers|inhibit_rules|time_intervals|mute_time_intervals|named_routes|global|templates)\b")]
    private static partial Regex FieldPath();
}
