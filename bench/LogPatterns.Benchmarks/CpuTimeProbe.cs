using System.Diagnostics;
using AirisEpm.LogService.Patterns;

namespace AirisEpm.LogPatterns.Benchmarks;

/// <summary>
/// CPU time per line rather than wall time: on a machine shared with many other processes a thread waits
/// for a core most of the time, which wall-clock benchmarks count and CPU time does not. Each figure is
/// the process's processor time over <c>passes</c> runs over the 16,000 LogHub lines, after two seconds of
/// warm-up (so that tiered compilation has reached its optimised code).
/// </summary>
public static class CpuTimeProbe
{
    private static readonly DateTimeOffset SeenAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Run(int passes)
    {
        var lines = LogHubCorpus.Lines;
        var tokenizer = new LineTokenizer(PatternMinerOptions.Default.MaxTokens, PatternMinerOptions.Default.MaxLineLength);
        var masked = new MaskedLine();
        var warm = new PatternMiner();

        // Two seconds of everything first: tiered compilation promotes hot methods only after a quiet
        // spell, so a short warm-up would leave tier-0 code in the first figures.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(2))
        {
            Tokenize(lines, tokenizer, masked);
            MineFresh(lines);
            Mine(lines, warm);
        }

        Report("tokenize (outside the lock)", passes, lines.Length, () => Tokenize(lines, tokenizer, masked));
        Report("mine, warm (patterns known)", passes, lines.Length, () => Mine(lines, warm));
        Report("mine, cold (new miner)", passes, lines.Length, () => MineFresh(lines));
        Report("mine batch, warm", passes, lines.Length, () => warm.MineBatch(lines, SeenAt));
        var batches = lines.Chunk(256).ToArray();
        Report("mine batches, 2 threads", passes, 2 * lines.Length, () => Parallel.For(0, 2, _ =>
        {
            foreach (var batch in batches)
            {
                warm.MineBatch(batch, SeenAt);
            }
        }));
    }

    private static void Tokenize(string[] lines, LineTokenizer tokenizer, MaskedLine masked)
    {
        foreach (var line in lines)
        {
            tokenizer.Tokenize(line, masked);
        }
    }

    private static void Mine(string[] lines, PatternMiner miner)
    {
        foreach (var line in lines)
        {
            miner.Mine(line, SeenAt);
        }
    }

    private static void MineFresh(string[] lines) => Mine(lines, new PatternMiner());

    private static void Report(string name, int passes, int lines, Action pass)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < passes; i++)
        {
            pass();
        }

        process.Refresh();
        var operations = (double)passes * lines;
        var cpuNs = (process.TotalProcessorTime - cpu).TotalNanoseconds / operations;
        var wallNs = wall.Elapsed.TotalNanoseconds / operations;
        Console.WriteLine($"{name,-28} {cpuNs,8:F0} ns CPU/line ({1e9 / cpuNs,11:N0} lines/s per core)   wall {wallNs,8:F0} ns/line");
    }
}
