using AirisEpm.MetricsService.Storage;
using CsCheck;

namespace AirisEpm.MetricsService.Tests.Storage;

public sealed class AppendOnlyListTests
{
    [Fact]
    public void A_view_keeps_what_it_held_while_the_list_grows_past_it()
    {
        var list = new AppendOnlyList<int>();
        list.AddRange([1, 2, 3]);
        var before = list.Current;

        list.AddRange([4, 5, 6, 7, 8]);

        Assert.Equal([1, 2, 3], before);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], list.Current);
        Assert.Throws<ArgumentOutOfRangeException>(() => before[3]);
    }

    [Fact]
    public void Views_read_while_one_writer_appends_see_a_prefix_of_the_appends()
    {
        Gen.Int[1, 40].Array[1, 60].Sample(batches =>
        {
            var list = new AppendOnlyList<int>();
            var next = 0;
            using var done = new CancellationTokenSource();
            var reader = Task.Run(() =>
            {
                while (!done.IsCancellationRequested)
                {
                    var view = list.Current;
                    for (var i = 0; i < view.Count; i++)
                    {
                        Assert.Equal(i, view[i]);
                    }
                }
            });
            foreach (var size in batches)
            {
                list.AddRange([.. Enumerable.Range(next, size)]);
                next += size;
            }

            done.Cancel();
            reader.Wait();
            Assert.Equal(Enumerable.Range(0, next), list.Current);
        }, iter: 50);
    }
}
