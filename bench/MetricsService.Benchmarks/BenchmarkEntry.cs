using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AirisEpm.MetricsService.Benchmarks;

/// <summary>
/// Runs in process (the host is in this process anyway, and generated projects would inherit the
/// repository's build rules). Adds median and p95 columns. Arguments go to BenchmarkDotNet
/// (e.g. <c>--filter *Ingest*</c>).
/// </summary>
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
