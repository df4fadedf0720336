using AirisEpm.ServiceDefaults.Batching;
using CsCheck;

namespace AirisEpm.ServiceDefaults.Tests.Batching;

public sealed class ConcatenatedListTests
{
    [Fact]
    public void Reads_like_the_copied_concatenation_in_any_order_empty_parts_included()
    {
        Gen.Select(Gen.Int[0, 100].Array[0, 5].Array[0, 6], Gen.Int[0, 200].Array[0, 40]).Sample((parts, probes) =>
        {
            var copied = parts.SelectMany(p => p).ToList();
            var view = new ConcatenatedList<int>(parts);

            Assert.Equal(copied.Count, view.Count);
            Assert.Equal(copied, view);
            Assert.Equal(copied, Enumerable.Range(0, view.Count).Select(i => view[i]));
            foreach (var probe in probes)
            {
                if (probe < copied.Count)
                {
                    Assert.Equal(copied[probe], view[probe]);
                }
                else
                {
                    Assert.Throws<ArgumentOutOfRangeException>(() => { _ = view[probe]; });
                }
            }
        }, iter: 2000);
    }
}
