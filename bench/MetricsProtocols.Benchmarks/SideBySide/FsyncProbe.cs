using System.Diagnostics;
using System.Globalization;

namespace AirisEpm.MetricsProtocols.Benchmarks.SideBySide;

/// <summary>
/// What one durable append costs on this disk: 4 KB written then fsync'd, 200 times, in a file under
/// <c>/tmp</c> (where both servers keep their data). Group commit can acknowledge at most one group per fsync.
/// </summary>
internal static class FsyncProbe
{
    public static string Measure(int writes = 200)
    {
        var path = Path.Combine(Path.GetTempPath(), "airis-fsync-probe-" + Guid.NewGuid().ToString("N"));
        var latencies = new double[writes];
        var block = new byte[4096];
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            for (var i = 0; i < writes; i++)
            {
                var started = Stopwatch.GetTimestamp();
                file.Write(block);
                file.Flush(flushToDisk: true);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }
        finally
        {
            File.Delete(path);
        }

        Array.Sort(latencies);
        return string.Create(CultureInfo.InvariantCulture,
            $"fsync of a 4 KB append under {Path.GetTempPath()}: p50 {latencies[writes / 2]:F2} ms, p95 {latencies[writes * 95 / 100]:F2} ms, mean {latencies.Average():F2} ms ({writes} writes)");
    }
}
