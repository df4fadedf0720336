using AirisEpm.AlertService.Domain.PrometheusRules;
using CsCheck;

namespace AirisEpm.AlertService.Tests.PrometheusRules;

/// <summary>
/// Random templates built from template syntax: parsing answers null or Go's message, expansion always answers text
/// (an error becomes Prometheus's <c>&lt;error expanding template&gt;</c>), and a seeded sample gets promtool's verdict.
/// </summary>
public sealed class TemplatePropertyTests
{
    private static readonly string[] Pieces =
    [
        "{{", "}}", "{{- ", " -}}", " ", "$labels", "$labels.job", "$value", "$x", "$x := ", "$x = ", ".", ".Labels.a", "|", "(", ")",
        "if", "else", "end", "range", "with", "define \"t\"", "template \"t\"", "block \"b\" .", "break", "continue", "\"s\"", "`r`", "'c'",
        "1", "1.5", "0x1F", "-2", "1e3", "nil", "true", "humanize", "printf \"%d\"", "printf \"%.2f\"", "eq", "lt", "and", "or", "not", "len",
        "index", "query \"up\"", "first", "value", "label \"a\"", "title", "nope", "/*", "*/", "{{/* c */}}", ",", ":=", "text", "\n", "\"\\q\"", "1x", "$",
    ];

    private static Gen<string> Templates => Gen.OneOf(Pieces).Array[1, 14].Select(parts => string.Concat(parts));

    [Fact]
    public void Parsing_and_expanding_random_templates_never_throws()
    {
        var data = new PromTemplateData(new Dictionary<string, string> { ["job"] = "api", ["a"] = "1" }, new Dictionary<string, string>(), "http://x", 0.5);
        Templates.Sample(text =>
        {
            var error = PromTemplate.ParseError("A", text);
            Assert.True(error is null || error.StartsWith("template: __alert_A:", StringComparison.Ordinal), error);
            var expanded = PromTemplate.Expand("A", text, data, DateTimeOffset.UnixEpoch, null);
            Assert.True(error is null || expanded.StartsWith("<error expanding template: error parsing template", StringComparison.Ordinal));
        }, iter: 20_000);
    }

    [Fact]
    public void Expansion_is_bounded()
    {
        var data = new PromTemplateData(new Dictionary<string, string>(), new Dictionary<string, string>(), "http://x", 0);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.StartsWith("<error expanding template", PromTemplate.Expand("A", "{{ range 1000000000 }}x{{ end }}", data, DateTimeOffset.UnixEpoch, null), StringComparison.Ordinal);
        Assert.StartsWith("<error expanding template", PromTemplate.Expand("A", "{{ define \"t\" }}{{ template \"t\" }}{{ end }}{{ template \"t\" }}", data, DateTimeOffset.UnixEpoch, null), StringComparison.Ordinal);
        Assert.StartsWith("<error expanding template", PromTemplate.Expand("A", "{{ range 999999 }}{{ range 999999 }}x{{ end }}{{ end }}", data, DateTimeOffset.UnixEpoch, null), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    /// <summary>Prometheus 3's additions (<c>now</c>, <c>toDuration</c>, <c>{{else with}}</c>) are left out, as in the corpus.</summary>
    [Fact]
    public async Task Random_templates_get_promtools_verdict()
    {
        if (!Promtool.Installed) Assert.Skip($"{Promtool.Path} is not installed; templates are not checked against promtool.");
        var folder = Directory.CreateTempSubdirectory("airis-promtool-templates-").FullName;
        try
        {
            var samples = Templates.Array[200].Generate(new PCG(11, 20_261_201), null, out _);
            var disagreements = new List<string>();
            var accepted = 0;
            for (var i = 0; i < samples.Length; i++)
            {
                var file = Path.Combine(folder, $"t{i}.yml");
                var quoted = "'" + samples[i].Replace("'", "''", StringComparison.Ordinal).Replace("\n", "\n\n", StringComparison.Ordinal) + "'";
                await File.WriteAllTextAsync(file, $"groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        annotations:\n          a: {quoted}\n", TestContext.Current.CancellationToken);
                var (promtoolAccepts, output) = await Promtool.CheckRulesAsync(file);
                if (promtoolAccepts) accepted++;
                var ours = PromTemplate.ParseError("A", samples[i]);
                if (promtoolAccepts != (ours is null)) disagreements.Add($"--- {samples[i]}\npromtool: {output}\nours: {ours ?? "accepted"}");
            }

            // A sample of only one verdict would prove little: promtool must both accept and refuse some.
            Assert.InRange(accepted, 1, samples.Length - 1);
            Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreement(s):\n" + string.Join("\n", disagreements));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
