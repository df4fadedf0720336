using AirisEpm.ServiceDefaults.Batching;
using AirisEpm.ServiceDefaults.WriteAhead;

namespace AirisEpm.ServiceDefaults.Tests.WriteAhead;

/// <summary>The applier's progress behind a write-ahead log: room for writers, read-your-writes for readers.</summary>
public sealed class ApplyProgressTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_read_waits_for_what_was_logged_before_it_and_not_for_what_came_after()
    {
        var progress = new ApplyProgress();
        var wakes = 0;
        Assert.Equal(3, progress.Logged(3));
        var read = progress.WaitAppliedAsync(TimeSpan.FromSeconds(10), "not yet", () => wakes++, Ct);
        progress.Logged(5); // after the read: not waited for

        Assert.False(read.IsCompleted);
        Assert.Equal(1, wakes);
        progress.Applied(3);
        await read;
        Assert.Equal(5, progress.Pending);
    }

    [Fact]
    public async Task A_read_not_applied_in_time_is_a_503()
    {
        var progress = new ApplyProgress();
        progress.Logged(1);

        var refused = await Assert.ThrowsAsync<BackpressureException>(() => progress.WaitAppliedAsync(TimeSpan.FromMilliseconds(50), "not yet", () => { }, Ct));
        Assert.Equal((503, "not yet"), (refused.StatusCode, refused.Message));
    }

    [Fact]
    public async Task A_writer_waits_for_room_under_the_capacity_and_a_larger_write_goes_in_alone()
    {
        var progress = new ApplyProgress();
        await progress.WaitForRoomAsync(10, capacity: 4, () => { }, Ct); // nothing pending: goes in alone
        progress.Logged(10);

        var next = progress.WaitForRoomAsync(2, capacity: 4, () => { }, Ct);
        progress.Applied(6);
        Assert.False(next.IsCompleted); // 4 pending + 2 > 4
        progress.Applied(2);
        await next;
    }
}
