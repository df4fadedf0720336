using AirisEpm.LogService.Patterns;

namespace AirisEpm.LogService.Tests.Patterns;

/// <summary>How lines join, split and leave clusters: the prefix tree, the threshold, the bounds.</summary>
public sealed class PatternMinerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Lines_of_one_template_join_one_pattern_with_counts_times_and_sample()
    {
        var miner = new PatternMiner();
        var first = miner.Mine("Connection closed by 10.0.0.1 [preauth]", T0);
        var second = miner.Mine("Connection closed by 192.168.7.22 [preauth]", T0.AddMinutes(5));

        Assert.Equal(first, second);
        Assert.Equal("Connection closed by <*> [preauth]", first.Template);
        var pattern = Assert.Single(miner.Patterns);
        Assert.Equal(new LogPattern(first.Id, first.Template, 2, T0, T0.AddMinutes(5), "Connection closed by 10.0.0.1 [preauth]"), pattern);
    }

    [Fact]
    public void A_varying_word_generalises_when_enough_tokens_agree()
    {
        var miner = new PatternMiner();
        miner.Mine("Invalid user admin from 173.234.31.186");
        var match = miner.Mine("Invalid user oracle from 52.80.34.196");

        Assert.Equal("Invalid user <*> from <*>", match.Template);
        Assert.Equal(2, Assert.Single(miner.Patterns).Count);
    }

    [Fact]
    public void Lines_that_differ_in_too_many_words_stay_apart()
    {
        var miner = new PatternMiner();
        var scheduled = miner.Mine("task_1445144423722_0020_m_000000 Task Transitioned from NEW to SCHEDULED");
        var killed = miner.Mine("task_1445144423722_0020_m_000001 Task Transitioned from RUNNING to KILLED");

        Assert.NotEqual(scheduled.Id, killed.Id);
        Assert.Equal(2, miner.Count);
    }

    [Fact]
    public void Lines_of_different_lengths_never_join_even_at_the_lowest_threshold()
    {
        var miner = new PatternMiner(new PatternMinerOptions { SimilarityThreshold = 0.01 });
        var ids = Enumerable.Range(3, 6).Select(n => miner.Mine(string.Join(' ', Enumerable.Repeat("word", n))).Id).ToArray();

        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(miner.Patterns, p => Assert.Equal(1, p.Count));
    }

    [Fact]
    public void New_first_tokens_beyond_max_children_share_the_wildcard_branch()
    {
        // Depth 1 and 3 children: two literal children ("alpha", "beta") and the wildcard child.
        var miner = new PatternMiner(new PatternMinerOptions { PrefixDepth = 1, MaxChildrenPerNode = 3, SimilarityThreshold = 0.7 });
        miner.Mine("alpha x y z");
        miner.Mine("beta x y z");
        foreach (var word in new[] { "gamma", "delta", "epsilon", "zeta", "eta", "theta" })
        {
            miner.Mine($"{word} x y z");
        }

        Assert.Equal(["<*> x y z", "alpha x y z", "beta x y z"], miner.Patterns.Select(p => p.Template).Order(StringComparer.Ordinal));
        Assert.Equal(6, miner.Patterns.Single(p => p.Template == "<*> x y z").Count);
        Assert.Equal("alpha x y z", miner.Mine("alpha x y z").Template);
        Assert.Equal(4, miner.Footprint.TreeNodes);
    }

    [Fact]
    public void At_max_clusters_the_least_recently_matched_pattern_is_evicted()
    {
        var miner = new PatternMiner(new PatternMinerOptions { MaxClusters = 2 });
        var alpha = miner.Mine("alpha");
        var beta = miner.Mine("beta gamma");
        miner.Mine("alpha");
        var delta = miner.Mine("delta epsilon zeta");

        Assert.Equal([alpha.Template, delta.Template], miner.Patterns.Select(p => p.Template).Order(StringComparer.Ordinal));
        Assert.Equal(beta.Id, miner.Resolve(beta.Id));

        // Back again, the evicted template gets its old id (ids are a function of the template) and a new count.
        Assert.Equal(beta, miner.Mine("beta gamma"));
        Assert.Equal(1, miner.Patterns.Single(p => p.Id == beta.Id).Count);
        Assert.Equal(2, miner.Count);
    }

    [Fact]
    public void Eviction_prunes_the_tree_so_it_follows_the_cluster_count()
    {
        var miner = new PatternMiner(new PatternMinerOptions { MaxClusters = 10 });
        for (var i = 0; i < 1000; i++)
        {
            miner.Mine($"word{(char)('a' + (i % 26))}{(char)('a' + (i / 26 % 26))} starts line {i % 7} of {i % 5} parts");
        }

        var (clusters, _, nodes) = miner.Footprint;
        Assert.Equal(10, clusters);
        Assert.True(nodes <= (clusters * 2) + 1, $"{nodes} tree nodes for {clusters} clusters");
    }

    [Fact]
    public void Batches_assign_what_single_lines_assign()
    {
        string[] lines =
        [
            "Received disconnect from 103.99.0.122: 11: Bye Bye [preauth]",
            "Invalid user admin from 173.234.31.186",
            "Received disconnect from 5.36.59.76: 11: Bye Bye [preauth]",
            "Invalid user support from 52.80.34.196",
        ];
        var single = new PatternMiner();
        var one = lines.Select(l => single.Mine(l, T0)).ToArray();
        var batched = new PatternMiner().MineBatch(lines, T0);

        Assert.Equal(one, batched);
    }

    [Fact]
    public void Empty_and_blank_lines_share_the_empty_pattern()
    {
        var miner = new PatternMiner();
        Assert.Equal(miner.Mine(""), miner.Mine(" \t "));
        Assert.Equal("", Assert.Single(miner.Patterns).Template);
    }

    [Fact]
    public void Options_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PatternMiner(new PatternMinerOptions { SimilarityThreshold = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PatternMiner(new PatternMinerOptions { MaxClusters = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PatternMiner(new PatternMinerOptions { MaxChildrenPerNode = 1 }));
    }
}
