using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.DuckDb;
using CsCheck;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Tests.Storage.Head;

/// <summary>
/// The embedded store's reads with a small head (4 samples a series), so most windows are split between the file and
/// memory: whatever batches come (late, out of order, overwriting), a read answers what a model of the writes holds,
/// before and after a reopen (which loads the head from the file).
/// </summary>
public sealed class DuckDbHeadTests : IDisposable
{
    private static readonly long Now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000 * 1000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-head-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Reads_answer_what_was_written_whichever_part_the_head_holds()
    {
        var batches = Gen.Select(Gen.Int[0, 2], Gen.Long[-40, 40], Gen.Double[-5, 5]).Array[1, 12].Array[1, 6];
        var windows = Gen.Select(Gen.Long[-45, 45], Gen.Long[0, 90]).Array[4];
        var run = 0;
        await Gen.Select(batches, windows).SampleAsync(async (writes, reads) =>
        {
            var path = Path.Combine(_folder, $"run{run++}.duckdb");
            var model = new Dictionary<long, SortedDictionary<long, double>>();
            var store = Open(path);
            try
            {
                await store.InitializeAsync(Ct);
                foreach (var batch in writes)
                {
                    var samples = batch.Select(w => new MetricSample("m", LabelSet.From([KeyValuePair.Create("s", w.Item1.ToString(System.Globalization.CultureInfo.InvariantCulture))]), Now + (w.Item2 * 1000), w.Item3)).ToList();
                    await store.WriteAsync(samples, Ct);
                    foreach (var sample in samples)
                    {
                        if (!model.TryGetValue(sample.SeriesId, out var held))
                        {
                            model[sample.SeriesId] = held = [];
                        }

                        held[sample.TimestampMs] = sample.Value;
                    }
                }

                await AssertReadsAsync(store, model, reads);
                store.Dispose();
                store = Open(path);
                await store.InitializeAsync(Ct);
                await AssertReadsAsync(store, model, reads);
            }
            finally
            {
                store.Dispose();
            }
        }, iter: 12);
    }

    private static DuckDbMetricStore Open(string path) =>
        new(Options.Create(new MetricStoreOptions { HeadMaxSamplesPerSeries = 4 }), TimeProvider.System, path);

    private static async Task AssertReadsAsync(DuckDbMetricStore store, Dictionary<long, SortedDictionary<long, double>> model, (long Start, long Length)[] reads)
    {
        foreach (var (start, length) in reads)
        {
            var (from, to) = (Now + (start * 1000), Now + ((start + length) * 1000));
            var read = (await store.PointsAsync(StorageTier.Raw, model.Keys, from, to, Ct)).ToDictionary(p => p.SeriesId);
            foreach (var (id, held) in model)
            {
                var expected = held.Where(s => s.Key >= from && s.Key <= to).ToList();
                var actual = read.TryGetValue(id, out var points) ? points : new SeriesPoints(id, [], []);
                Assert.Equal(expected.Select(s => s.Key), actual.Timestamps);
                Assert.Equal(expected.Select(s => s.Value), actual.Values);
            }
        }
    }
}
