using AirisEpm.AlertService.Rules;

namespace AirisEpm.AlertService.Tests.Rules;

public sealed class RuleIndexShardsTests
{
    [Fact]
    public void A_rule_id_always_lands_in_the_same_shard_on_every_replica()
    {
        // FNV-1a of "abc" is 0x1A47E90B; 440920331 % 64 = 11. A per-process hash would break this.
        Assert.Equal("rules-index||11", RuleIndexShards.KeyFor("abc"));
        Assert.Equal(RuleIndexShards.KeyFor("rule-42"), RuleIndexShards.KeyFor(string.Concat("rule-", "42")));
    }

    [Fact]
    public void Generated_rule_ids_spread_over_every_shard()
    {
        var perShard = Enumerable.Range(0, 6_400).Select(_ => RuleIndexShards.KeyFor(Guid.NewGuid().ToString("N")))
            .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(RuleIndexShards.AllKeys.Order(), perShard.Keys.Order());
        Assert.All(perShard.Values, n => Assert.InRange(n, 40, 170)); // 100 expected per shard
    }
}
