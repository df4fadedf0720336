using AirisEpm.LogService.Storage;

namespace AirisEpm.LogService.Tests.Storage;

public abstract partial class LogStoreConformance
{
    [Fact]
    public async Task Retention_drops_older_partitions_and_cuts_the_boundary_one()
    {
        await AppendAsync(
            Record("d0a", Base + Hour, "day zero"),
            Record("d0b", Base + (2 * Hour), "day zero"),
            Record("d1a", Base + Day + Hour, "day one"),
            Record("d1b", Base + Day + (12 * Hour), "day one"),
            Record("d2a", Base + (2 * Day) + Hour, "day two"));

        var deleted = await Store.DeleteBeforeAsync(Base + Day + (6 * Hour), Ct);

        Assert.Equal(3, deleted);
        Assert.Equal(["d2a", "d1b"], await IdsAsync(null));
        Assert.Null(await Store.GetAsync("d0a", Ct));
        Assert.Equal(0, await Store.DeleteBeforeAsync(Base, Ct));

        await AppendAsync(Record("late", Base + Hour, "late arrival for an expired day"));
        Assert.Equal(["d2a", "d1b", "late"], await IdsAsync(null));
    }

    [Fact]
    public async Task Records_survive_a_close_and_reopen()
    {
        await AppendCorpusAsync();
        await ReopenAsync();

        Assert.Equal(["r03", "r01"], await IdsAsync("connection"));
        Assert.Equal("trace-aaa", (await Store.GetAsync("r02", Ct))?.TraceId);
        await AppendAsync(Record("after", Base + 7, "after reopen"));
        Assert.Equal(7, (await Store.SearchAsync(All(), Ct)).Total);
    }
}
