using AirisEpm.LogService.Patterns;

namespace AirisEpm.LogService.Tests.Patterns;

/// <summary>When a template generalises its id changes; every id handed out before still resolves.</summary>
public sealed class PatternAliasTests
{
    [Fact]
    public void A_generalised_pattern_answers_to_its_former_id()
    {
        var miner = new PatternMiner();
        var before = miner.Mine("Invalid user admin from 173.234.31.186");
        var after = miner.Mine("Invalid user oracle from 52.80.34.196");

        Assert.Equal("Invalid user admin from <*>", before.Template);
        Assert.NotEqual(before.Id, after.Id);
        Assert.Equal(after.Id, miner.Resolve(before.Id));
        Assert.Equal(after.Id, miner.Resolve(after.Id));
        Assert.Equal(after.Id, Assert.Single(miner.Patterns).Id);
    }

    [Fact]
    public void Every_former_id_resolves_to_the_latest_after_several_generalisations()
    {
        var miner = new PatternMiner();
        var ids = new[]
        {
            "job alpha read block one of file two on disk three",
            "job alpha read block one of file two on disk four",
            "job alpha read block one of file six on disk five",
        }.Select(l => miner.Mine(l).Id).ToArray();

        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(ids[^1], miner.Resolve(id)));
        Assert.Equal("job alpha read block one of file <*> on disk <*>", Assert.Single(miner.Patterns).Template);
    }

    [Fact]
    public void A_line_whose_template_exists_in_another_branch_joins_that_pattern()
    {
        var miner = new PatternMiner();
        var first = miner.Mine("<*> b c d e");       // a literal <*> routes like a word ...
        var same = miner.Mine("42 b c d e");         // ... a masked one through the wildcard branch
        Assert.Equal(first, same);
        Assert.Equal(2, Assert.Single(miner.Patterns).Count);
    }

    [Fact]
    public void Clusters_that_reach_the_same_template_merge_and_keep_every_id()
    {
        var miner = new PatternMiner();
        var literal = miner.Mine("<*> b c d <*>");   // literal wildcards: one leaf
        var q = miner.Mine("1 b c d q");             // masked first token: another leaf
        var merged = miner.Mine("2 b c d r");        // generalises to the first cluster's template

        Assert.Equal(literal.Id, merged.Id);
        Assert.Equal(literal.Id, miner.Resolve(q.Id));
        var pattern = Assert.Single(miner.Patterns);
        Assert.Equal(3, pattern.Count);
    }

    [Fact]
    public void Aliases_are_bounded_per_pattern()
    {
        var miner = new PatternMiner(new PatternMinerOptions { MaxAliasesPerPattern = 2, SimilarityThreshold = 0.5 });
        var ids = new[] { "a b c d e f", "a b x d e f", "a b x y e f", "a b x y z f" }.Select(l => miner.Mine(l).Id).ToArray();

        Assert.Equal(4, ids.Distinct().Count());
        Assert.Equal(ids[0], miner.Resolve(ids[0]));
        Assert.Equal(ids[^1], miner.Resolve(ids[1]));
        Assert.Equal(ids[^1], miner.Resolve(ids[2]));
        Assert.Equal(2, miner.Footprint.Aliases);
    }
}
