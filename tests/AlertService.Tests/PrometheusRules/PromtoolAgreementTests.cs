using AirisEpm.AlertService.Domain.PrometheusRules;

namespace AirisEpm.AlertService.Tests.PrometheusRules;

/// <summary>
/// Every corpus file is run through the real <c>promtool check rules</c> and through <see cref="RuleFileParser"/>:
/// both accept or both refuse, and a refusal names the same groups and rules (<c>group "g", rule N, "name"</c>).
/// </summary>
public sealed class PromtoolAgreementTests
{
    [Theory]
    [MemberData(nameof(RuleFileCorpus.Valid), MemberType = typeof(RuleFileCorpus))]
    public async Task A_file_promtool_accepts_is_accepted(string file)
    {
        var (accepted, output) = await CheckAsync(file);
        Assert.True(accepted, $"promtool refuses {file}, so it does not belong in valid/: {output}");
        var parse = RuleFileParser.Parse(await File.ReadAllTextAsync(RuleFileCorpus.PathOf(file), TestContext.Current.CancellationToken));
        Assert.True(parse.IsValid, string.Join("\n", parse.Errors));
    }

    [Theory]
    [MemberData(nameof(RuleFileCorpus.Invalid), MemberType = typeof(RuleFileCorpus))]
    public async Task A_file_promtool_refuses_is_refused_naming_the_same_rules(string file)
    {
        var (accepted, output) = await CheckAsync(file);
        Assert.False(accepted, $"promtool accepts {file}, so it does not belong in invalid/");
        var parse = RuleFileParser.Parse(await File.ReadAllTextAsync(RuleFileCorpus.PathOf(file), TestContext.Current.CancellationToken));
        Assert.False(parse.IsValid, $"accepted, but promtool said: {output}");
        Assert.Equal(Promtool.RulesNamed(output).Order(StringComparer.Ordinal), Promtool.RulesNamed(string.Join("\n", parse.Errors)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RuleFileCorpus.Prometheus3), MemberType = typeof(RuleFileCorpus))]
    public async Task A_file_using_what_Prometheus_3_added_is_accepted_though_promtool_2_42_refuses_it(string file)
    {
        var (accepted, _) = await CheckAsync(file);
        Assert.False(accepted, $"promtool 2.42 accepts {file}: it is no Prometheus 3 addition, move it to valid/");
        var parse = RuleFileParser.Parse(await File.ReadAllTextAsync(RuleFileCorpus.PathOf(file), TestContext.Current.CancellationToken));
        Assert.True(parse.IsValid, string.Join("\n", parse.Errors));
    }

    private static async Task<(bool Accepted, string Output)> CheckAsync(string file)
    {
        if (!Promtool.Installed) Assert.Skip($"{Promtool.Path} is not installed (apt-get install -y prometheus); the corpus is not checked against promtool.");
        return await Promtool.CheckRulesAsync(RuleFileCorpus.PathOf(file));
    }
}
