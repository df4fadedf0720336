using AirisEpm.LogService.Patterns;
using BenchmarkDotNet.Attributes;

namespace AirisEpm.LogPatterns.Benchmarks;

/// <summary>
/// <see cref="PatternMiner"/> over the 16,000 LogHub lines on one thread. Every figure is per line
/// (<c>OperationsPerInvoke</c>). Warm: the miner has seen the lines once, so each line finds its cluster
/// (the steady state of a running service). Cold: a new miner learns all the patterns from scratch.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class MinerBenchmarks
{
    private const int Lines = 16_000;
    private static readonly DateTimeOffset SeenAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private string[] _lines = [];
    private PatternMiner _warm = new();

    [GlobalSetup]
    public void Setup()
    {
        _lines = LogHubCorpus.Lines;
        if (_lines.Length != Lines)
        {
            throw new InvalidOperationException($"expected {Lines} LogHub lines, found {_lines.Length}");
        }

        _warm = new PatternMiner();
        _warm.MineBatch(_lines, SeenAt);
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int MineWarm()
    {
        var total = 0;
        foreach (var line in _lines)
        {
            total += _warm.Mine(line, SeenAt).Template.Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int MineBatchWarm() => _warm.MineBatch(_lines, SeenAt).Length;

    [Benchmark(OperationsPerInvoke = Lines)]
    public int MineCold()
    {
        var miner = new PatternMiner();
        var total = 0;
        foreach (var line in _lines)
        {
            total += miner.Mine(line, SeenAt).Template.Length;
        }

        return total;
    }
}
