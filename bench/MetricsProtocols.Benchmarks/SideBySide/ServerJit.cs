using System.Globalization;

namespace AirisEpm.MetricsProtocols.Benchmarks.SideBySide;

/// <summary>
/// How many methods the server's JIT has compiled (<c>dotnet_jit_compiled_methods_total</c> on its <c>/metrics</c>), so a
/// warm-up can go on until tiered compilation has settled instead of for a fixed count: a request path timed while its
/// methods are still being promoted to tier 1 measures the compiler (30 % of the process's CPU in one such run), not
/// the path.
/// </summary>
internal static class ServerJit
{
    private const string Metric = "dotnet_jit_compiled_methods_total";

    public static async Task<long> CompiledMethodsAsync(HttpClient client)
    {
        var text = await client.GetStringAsync("/metrics");
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(Metric, StringComparison.Ordinal) && line.Length > Metric.Length && line[Metric.Length] is '{' or ' ')
            {
                return (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"The server's /metrics has no {Metric}.");
    }
}
