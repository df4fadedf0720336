using BenchmarkDotNet.Running;

namespace AirisEpm.TraceAnalysis.Benchmarks;

public static class BenchmarkEntry
{
    /// <summary><c>memory</c> runs <see cref="MemoryProbe"/>; anything else goes to BenchmarkDotNet.</summary>
    public static void Main(string[] args)
    {
        if (args is ["memory", ..])
        {
            MemoryProbe.Run();
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
    }
}
