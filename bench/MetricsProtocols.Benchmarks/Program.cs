using AirisEpm.MetricsProtocols.Benchmarks.SideBySide;
using BenchmarkDotNet.Running;

namespace AirisEpm.MetricsProtocols.Benchmarks;

public static class BenchmarkEntry
{
    /// <summary><c>side-by-side [modes] [requests per sender]</c> runs the timed console against Prometheus (README); anything else goes to BenchmarkDotNet.</summary>
    public static async Task Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "side-by-side")
        {
            await SideBySideBenchmark.RunAsync(args[1..]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
    }
}
