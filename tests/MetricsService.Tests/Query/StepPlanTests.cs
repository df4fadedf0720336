using AirisEpm.MetricsService.Query;
using AirisEpm.MetricsService.Storage;

namespace AirisEpm.MetricsService.Tests.Query;

public sealed class StepPlanTests
{
    [Theory]
    [InlineData(15_000, StorageTier.Raw)]
    [InlineData(59_999, StorageTier.Raw)]
    [InlineData(60_000, StorageTier.Minute)]
    [InlineData(3_599_999, StorageTier.Minute)]
    [InlineData(3_600_000, StorageTier.Hour)]
    [InlineData(86_400_000, StorageTier.Hour)]
    public void Tier_follows_the_step(long stepMs, StorageTier expected)
    {
        Assert.Equal(expected, new StepPlan(0, 86_400_000, stepMs).ChooseTier());
    }

    [Fact]
    public void Buckets_include_both_ends()
    {
        var plan = new StepPlan(1_000, 1_000 + 86_400_000, 60_000);

        Assert.Equal(1441, plan.Buckets);
        Assert.Equal(1_000 + 60_000, plan.BucketStart(1));
    }
}
