using BenchmarkDotNet.Running;

namespace AirisEpm.LogPatterns.Benchmarks;

public static class BenchmarkEntry
{
    /// <summary><c>cpu</c> runs <see cref="CpuTimeProbe"/>; anything else goes to BenchmarkDotNet.</summary>
    public static void Main(string[] args)
    {
        if (args is ["cpu", ..])
        {
            CpuTimeProbe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
    }
}
