using AirisEpm.MetricsService.Memory;

namespace AirisEpm.MetricsService.Tests.Memory;

public sealed class BurstTrimPolicyTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch.AddDays(20_000);
    private static readonly HeapTrimOptions Options = new() { BurstBytes = 1_000, QuietBytes = 10, MinimumGap = TimeSpan.FromMinutes(1) };

    [Fact]
    public void Trims_at_the_first_quiet_check_after_a_burst_and_not_again_without_one()
    {
        var policy = new BurstTrimPolicy(Options);

        Assert.False(policy.ShouldTrim(600, T0));
        Assert.False(policy.ShouldTrim(1_200, T0.AddSeconds(2)));
        Assert.True(policy.ShouldTrim(1_205, T0.AddSeconds(4)));
        Assert.False(policy.ShouldTrim(1_206, T0.AddMinutes(5)));
    }

    [Fact]
    public void Steady_allocation_never_trims()
    {
        var policy = new BurstTrimPolicy(Options);

        for (var i = 1; i <= 100; i++)
        {
            Assert.False(policy.ShouldTrim(i * 500, T0.AddSeconds(2 * i)));
        }
    }

    [Fact]
    public void A_second_burst_waits_for_the_minimum_gap()
    {
        var policy = new BurstTrimPolicy(Options);
        policy.ShouldTrim(2_000, T0);
        Assert.True(policy.ShouldTrim(2_000, T0.AddSeconds(2)));

        policy.ShouldTrim(4_000, T0.AddSeconds(4));
        Assert.False(policy.ShouldTrim(4_000, T0.AddSeconds(6)));
        Assert.True(policy.ShouldTrim(4_000, T0.AddSeconds(62)));
    }
}
