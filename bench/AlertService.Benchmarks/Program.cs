using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(AirisEpm.AlertService.Benchmarks.AlertPipelineBenchmarks).Assembly).Run(args);
