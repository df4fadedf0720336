using AirisEpm.LogService.Patterns;
using BenchmarkDotNet.Attributes;

namespace AirisEpm.LogPatterns.Benchmarks;

/// <summary>
/// One warm <see cref="PatternMiner"/> shared by <see cref="Threads"/> threads, each mining the 16,000
/// LogHub lines in batches of 256 (the shape of concurrent ingest requests). Per line, over all threads:
/// throughput = 1 / mean.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class ConcurrentMinerBenchmarks
{
    private const int Lines = 16_000;
    private const int Batch = 256;
    private static readonly DateTimeOffset SeenAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private string[][] _batches = [];
    private PatternMiner _miner = new();

    [Params(1, 2, 4)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _batches = LogHubCorpus.Lines.Chunk(Batch).ToArray();
        _miner = new PatternMiner();
        _miner.MineBatch(LogHubCorpus.Lines, SeenAt);
    }

    [Benchmark(OperationsPerInvoke = Lines * 4)]
    public void MineBatchesConcurrently()
    {
        var rounds = 4 / Threads;
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, _ =>
        {
            for (var r = 0; r < rounds; r++)
            {
                foreach (var batch in _batches)
                {
                    _miner.MineBatch(batch, SeenAt);
                }
            }
        });
    }
}
