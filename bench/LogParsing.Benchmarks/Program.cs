using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AirisEpm.LogParsing.Benchmarks;

/// <summary>
/// Runs in process (generated projects would inherit the repository's build rules), 3 warm-ups and
/// 10 iterations (ShortRun's 3 are too noisy on a shared 2-core machine), with median and Op/s
/// columns: with <c>OperationsPerInvoke</c> = lines per invocation, Op/s is lines per second.
/// Arguments go to BenchmarkDotNet (e.g. <c>--filter *LineParsing*</c>).
/// </summary>
public static class BenchmarkEntry
{
    public static void Main(string[] args)
    {
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance))
            .AddColumn(StatisticColumn.Median, StatisticColumn.OperationsPerSecond)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args, config);
    }
}
