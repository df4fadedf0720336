namespace AirisEpm.Benchmarks;

/// <summary>
/// Warm-up rounds until two in a row leave the server's JIT quiet, instead of a fixed count: a path timed while its methods are
/// still being promoted to tier 1 measures the compiler (the tiering thread took 22–31 % of metrics-service's CPU in the
/// first small-request mode timed after 640 warm-ups), not the path.
/// </summary>
internal static class JitWarmUp
{
    /// <summary>
    /// Runs <paramref name="round"/> (given its number, from 0) at least <paramref name="minRounds"/> times and until two
    /// rounds in a row each compile fewer than <paramref name="quietBelow"/> methods by <paramref name="compiledMethods"/>,
    /// at most <paramref name="maxRounds"/> times. Two, since a server's <c>/metrics</c> may answer from a cache of a few
    /// hundred milliseconds, as long as one short round. Returns the rounds run and whether the JIT was quiet by then.
    /// </summary>
    public static async Task<(int Rounds, bool Quiet, long LastCompiled)> RunAsync(
        Func<Task<long>> compiledMethods, Func<int, Task> round, int minRounds = 4, int maxRounds = 60, int quietBelow = 5)
    {
        var compiled = long.MaxValue;
        var quietInARow = 0;
        for (var r = 0; r < maxRounds; r++)
        {
            var before = await compiledMethods();
            await round(r);
            compiled = await compiledMethods() - before;
            quietInARow = compiled < quietBelow ? quietInARow + 1 : 0;
            if (quietInARow >= 2 && r + 1 >= minRounds)
            {
                return (r + 1, true, compiled);
            }
        }

        return (maxRounds, false, compiled);
    }

    /// <summary>The line a benchmark prints after its warm-up.</summary>
    public static string Describe(string name, (int Rounds, bool Quiet, long LastCompiled) warmUp, int requestsPerRound) =>
        $"{name}: warmed up with {warmUp.Rounds * requestsPerRound} requests ({warmUp.Rounds} rounds; " +
        $"{(warmUp.Quiet ? "the last" : "still compiling, the last")} compiled {warmUp.LastCompiled} methods)";
}
