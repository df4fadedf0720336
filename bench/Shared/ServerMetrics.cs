using System.Globalization;

namespace AirisEpm.Benchmarks;

/// <summary>
/// Counters a service in its own process reports about its runtime on its <c>/metrics</c> (OpenTelemetry's runtime
/// instrumentation in Prometheus text): what the benchmark cannot read from <c>/proc</c>.
/// </summary>
internal static class ServerMetrics
{
    /// <summary>How many methods the server's JIT has compiled, for <see cref="JitWarmUp"/>.</summary>
    public static async Task<long> CompiledMethodsAsync(HttpClient client) =>
        (long)await ReadAsync(client, "dotnet_jit_compiled_methods_total");

    /// <summary>Bytes the server has allocated on its managed heap so far.</summary>
    public static async Task<long> AllocatedBytesAsync(HttpClient client) =>
        (long)await ReadAsync(client, "dotnet_gc_heap_total_allocated_bytes_total");

    /// <summary>The value of the first sample of <paramref name="metric"/> (with or without labels).</summary>
    public static async Task<double> ReadAsync(HttpClient client, string metric)
    {
        var text = await client.GetStringAsync("/metrics");
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(metric, StringComparison.Ordinal) && line.Length > metric.Length && line[metric.Length] is '{' or ' ')
            {
                return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"The server's /metrics has no {metric}.");
    }
}
