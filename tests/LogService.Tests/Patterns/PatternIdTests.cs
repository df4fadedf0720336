using AirisEpm.LogService.Patterns;
using AirisEpm.TestSupport.LogHub;

namespace AirisEpm.LogService.Tests.Patterns;

public sealed class PatternIdTests
{
    [Fact]
    public void An_id_is_the_xxhash64_of_the_template_pinned_across_versions()
    {
        Assert.Equal("7ccf2b8206e26075", PatternId.Of("Invalid user <*> from <*>"));
        Assert.Equal("ef46db3751d8e999", PatternId.Of(""));
    }

    [Fact]
    public void Two_miners_name_the_same_templates_alike_whatever_the_order()
    {
        var lines = LogHubSamples.Load("OpenSSH").Select(l => l.Content).ToArray();
        var forward = new PatternMiner();
        var backward = new PatternMiner();
        forward.MineBatch(lines);
        backward.MineBatch(Enumerable.Reverse(lines).ToArray());

        var forwardIds = forward.Patterns.ToDictionary(p => p.Template, p => p.Id);
        var shared = backward.Patterns.Where(p => forwardIds.ContainsKey(p.Template)).ToArray();
        Assert.True(shared.Length >= 20, $"only {shared.Length} templates learned by both");
        Assert.All(shared, p => Assert.Equal(forwardIds[p.Template], p.Id));
        Assert.All(forward.Patterns, p => Assert.Equal(PatternId.Of(p.Template), p.Id));
    }

    [Fact]
    public void Ids_are_16_lower_case_hex_digits()
    {
        var miner = new PatternMiner();
        foreach (var line in LogHubSamples.Load("BGL").Take(300))
        {
            Assert.Matches("^[0-9a-f]{16}$", miner.Mine(line.Content).Id);
        }
    }
}
