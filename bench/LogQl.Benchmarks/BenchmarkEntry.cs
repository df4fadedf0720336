using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AirisEpm.LogQl.Benchmarks;

/// <summary>Runs in process (generated projects would inherit the repository's build rules), with median and p95 columns. Arguments go to BenchmarkDotNet.</summary>
public static class BenchmarkEntry
{
    public static void Main(string[] args)
    {
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args, config);
    }
}
