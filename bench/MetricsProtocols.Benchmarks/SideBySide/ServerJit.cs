using System.Globalization;

namespace AirisEpm.MetricsProtocols.Benchmarks.SideBySide;

/// <summary>
/// How many methods a server in its own process has compiled (<c>dotnet_jit_compiled_methods_total</c> on its
/// <c>/metrics</c>), for <see cref="AirisEpm.Benchmarks.JitWarmUp"/>.
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
