using System.Diagnostics;
using AirisEpm.AlertService.Domain.PrometheusRules;
using AirisEpm.AlertService.Tests.Domain.Configuration;
using CsCheck;

namespace AirisEpm.AlertService.Tests.PrometheusRules;

/// <summary>Random and mutated rule files give a parse or promtool-style errors: never an exception, never a hang.</summary>
public sealed class RuleFilePropertyTests
{
    private static readonly string[] Fragments =
    [
        "[", "]", "{", "}", ":", "- ", "'", "\"", "~", "&a", "*a", "<<: *a", "\n  ", "\t", "{{", "}}", "{{ $labels.x }}", "{{ if }}", "{{ end }}",
        "rate(x[5m])", "(", ")", "by (", "@", "offset -", "1x", "-1m", "0x", "record: ", "alert: ", "expr: ", "for: ", "labels:", "!!str ", "#",
    ];

    private static string[] Documents =>
        [.. RuleFileCorpus.Valid.Concat(RuleFileCorpus.Invalid).Select(row => File.ReadAllText(RuleFileCorpus.PathOf(row.Data)))];

    private static Gen<string> Mutated
    {
        get
        {
            var edit = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 100_000], Gen.OneOf(Fragments), (kind, position, text) => (Kind: kind, Position: position, Text: text));
            return Gen.Select(Gen.OneOf(Documents), edit.Array[1, 5]).Select(pair => ConfigFilePropertyTests.Mutate(pair.Item1, pair.Item2));
        }
    }

    [Fact]
    public void Mutated_files_parse_or_give_errors()
    {
        Mutated.Sample(Check, iter: 3_000);
    }

    [Fact]
    public void Random_text_parses_or_gives_errors()
    {
        Gen.String[Gen.Char["\n -:[]{}'\"#&*!|>%@`abcgroupsnamerulesexpralert0123456789$."], 0, 300].Sample(Check, iter: 3_000);
    }

    [Fact]
    public void Deep_wide_and_aliased_documents_fail_or_pass_quickly()
    {
        var clock = Stopwatch.StartNew();
        Check(new string('[', 100_000));
        Check(string.Concat(Enumerable.Range(0, 2_000).Select(i => new string(' ', 2 * i) + "a:\n")));
        Check("a: &a [" + string.Join(",", Enumerable.Repeat("x", 100)) + "]\n" + string.Concat(Enumerable.Range(0, 30).Select(i => $"b{i}: &b{i} [*{(i == 0 ? "a" : $"b{i - 1}")}, *{(i == 0 ? "a" : $"b{i - 1}")}]\n")));
        Check("groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: " + string.Concat(Enumerable.Repeat("(", 5_000)) + "up" + string.Concat(Enumerable.Repeat(")", 5_000)) + "\n");
        Check("groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        annotations:\n          a: '" + string.Concat(Enumerable.Repeat("{{ if 1 }}", 5_000)) + "'\n");
        Check("groups:\n  - name: " + new string('g', 500_000) + "\n");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    /// <summary>
    /// A seeded sample of mutated corpus files, each run through promtool too: both accept or both refuse. Files only
    /// Prometheus 3 accepts (its additions named in <see cref="RuleFileCorpus"/>) are left out.
    /// </summary>
    [Fact]
    public async Task Mutated_files_get_promtools_verdict()
    {
        if (!Promtool.Installed) Assert.Skip($"{Promtool.Path} is not installed; the mutations are not checked against promtool.");
        var folder = Directory.CreateTempSubdirectory("airis-promtool-").FullName;
        try
        {
            var samples = Mutated.Array[120].Generate(new PCG(7, 20_261_201), null, out _);
            var disagreements = new List<string>();
            for (var i = 0; i < samples.Length; i++)
            {
                var file = Path.Combine(folder, $"m{i}.yml");
                await File.WriteAllTextAsync(file, samples[i], TestContext.Current.CancellationToken);
                var (accepted, output) = await Promtool.CheckRulesAsync(file);
                var ours = RuleFileParser.Parse(samples[i]);
                if (accepted != ours.IsValid && !OnlyPrometheus3(samples[i]))
                {
                    disagreements.Add($"--- promtool {(accepted ? "accepts" : "refuses")}, we {(ours.IsValid ? "accept" : "refuse")}:\n{samples[i]}\n{output}\n{string.Join("\n", ours.Errors)}");
                }
            }

            Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool OnlyPrometheus3(string text) => text.Contains("query_offset", StringComparison.Ordinal) || text.Contains("    labels:", StringComparison.Ordinal);

    private static void Check(string yaml)
    {
        var parse = RuleFileParser.Parse(yaml);
        Assert.True(parse.IsValid || parse.Errors.Count > 0);
        if (parse.File is { } file) Assert.Equal(file.RuleCount, file.Groups.Sum(g => g.Rules.Count));
    }
}
