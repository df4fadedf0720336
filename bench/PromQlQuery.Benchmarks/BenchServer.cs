namespace AirisEpm.PromQlQuery.Benchmarks;

/// <summary>One side of the comparison: its HTTP API and the CPU time its process has used so far.</summary>
public sealed record BenchServer(string Name, HttpClient Client, Func<TimeSpan> Cpu);
