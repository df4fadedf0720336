using Lucene.Net.Index;
using Lucene.Net.Search;

namespace AirisEpm.LogService.Storage.Lucene.Collectors;

/// <summary>
/// Counts matching documents across every search it is passed to. Bounded, it stops each segment as
/// soon as the count passes <see cref="LogQueryLimits.ExactTotal"/>, so a total costs at most about
/// that many matches however many there are.
/// </summary>
internal sealed class CountCollector : ICollector
{
    /// <summary>Whether to stop at the bound; only when nothing else collects from the same pass.</summary>
    public bool Bounded { get; set; }

    public long Count { get; private set; }

    public bool PastExact => Count > LogQueryLimits.ExactTotal;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        if (Bounded && PastExact)
        {
            throw new CollectionTerminatedException();
        }
    }

    public void Collect(int doc)
    {
        Count++;
        if (Bounded && PastExact)
        {
            throw new CollectionTerminatedException();
        }
    }
}
