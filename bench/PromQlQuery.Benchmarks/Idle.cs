namespace AirisEpm.PromQlQuery.Benchmarks;

/// <summary>Waits until a server has finished what the load left it (Prometheus compacts its head into blocks once a minute).</summary>
public static class Idle
{
    /// <summary>Idle: under 5 % of a core over two consecutive 2-second windows, after at least <paramref name="atLeast"/>.</summary>
    public static async Task WaitAsync(BenchServer server, TimeSpan atLeast, TimeSpan atMost)
    {
        ArgumentNullException.ThrowIfNull(server);
        var started = DateTime.UtcNow;
        var quiet = 0;
        var last = server.Cpu();
        while (DateTime.UtcNow - started < atMost)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var now = server.Cpu();
            quiet = (now - last).TotalMilliseconds < 100 ? quiet + 1 : 0;
            last = now;
            if (quiet >= 2 && DateTime.UtcNow - started >= atLeast)
            {
                return;
            }
        }

        Console.WriteLine($"{server.Name} was still busy after {atMost.TotalSeconds:F0} s; timing anyway");
    }
}
