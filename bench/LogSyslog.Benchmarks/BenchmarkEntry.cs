using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AirisEpm.LogSyslog.Benchmarks;

/// <summary>
/// Runs in process (the host is in this process anyway, and generated projects would inherit the
/// repository's build rules), ShortRun, with median, p95 and operations per second. Arguments go to
/// BenchmarkDotNet (e.g. <c>--filter *Listener*</c>).
/// </summary>
public static class BenchmarkEntry
{
    public static void Main(string[] args)
    {
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.OperationsPerSecond)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args, config);
    }
}
