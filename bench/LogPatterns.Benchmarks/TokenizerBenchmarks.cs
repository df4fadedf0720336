using AirisEpm.LogService.Patterns;
using BenchmarkDotNet.Attributes;

namespace AirisEpm.LogPatterns.Benchmarks;

/// <summary>
/// Splitting and masking alone over the 16,000 LogHub lines, per line: the part of
/// <see cref="PatternMiner.Mine(string)"/> that runs outside the miner's lock.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class TokenizerBenchmarks
{
    private const int Lines = 16_000;
    private readonly LineTokenizer _tokenizer = new(PatternMinerOptions.Default.MaxTokens, PatternMinerOptions.Default.MaxLineLength);
    private readonly MaskedLine _line = new();
    private string[] _lines = [];

    [GlobalSetup]
    public void Setup() => _lines = LogHubCorpus.Lines;

    [Benchmark(OperationsPerInvoke = Lines)]
    public int Tokenize()
    {
        var tokens = 0;
        foreach (var line in _lines)
        {
            _tokenizer.Tokenize(line, _line);
            tokens += _line.Count;
        }

        return tokens;
    }
}
