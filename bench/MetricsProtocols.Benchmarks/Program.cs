using BenchmarkDotNet.Running;

namespace AirisEpm.MetricsProtocols.Benchmarks;

public static class BenchmarkEntry
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
}
