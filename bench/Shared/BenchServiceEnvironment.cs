namespace AirisEpm.Benchmarks;

/// <summary>
/// <c>BENCH_SERVICE_ENV="NAME=value;NAME=value"</c>: settings a benchmark adds to the environment of the service process it
/// starts (runtime knobs such as <c>DOTNET_GCgen0size</c>, service settings such as <c>Logs__Store__IndexingThreads</c>),
/// so a setting can be tried without a rebuild.
/// </summary>
internal static class BenchServiceEnvironment
{
    public const string Variable = "BENCH_SERVICE_ENV";

    /// <summary>The pairs of <see cref="Variable"/>, in order (a later one of the same name wins when they are set).</summary>
    public static IEnumerable<(string Name, string Value)> Pairs()
    {
        foreach (var pair in (Environment.GetEnvironmentVariable(Variable) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            yield return (pair[..at], pair[(at + 1)..]);
        }
    }
}
