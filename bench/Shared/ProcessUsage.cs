using System.Globalization;

namespace AirisEpm.Benchmarks;

/// <summary>
/// CPU time and resident memory of a process (this one or a server the benchmark started), from
/// <c>/proc/&lt;pid&gt;/stat</c> and <c>/status</c> (Linux).
/// </summary>
internal static class ProcessUsage
{
    /// <summary>USER_HZ: the unit of utime and stime in /proc/&lt;pid&gt;/stat, 100 on every Linux architecture .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>User plus system CPU time of every thread of the process so far.</summary>
    public static TimeSpan Cpu(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>
    /// The machine's CPU ticks so far over all cores (the first line of /proc/stat): those the hypervisor ran other guests
    /// in while this one had work (steal), and all of them. See <see cref="StealPercent"/>.
    /// </summary>
    public static (long Steal, long Total) MachineTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // cpu user nice system idle iowait irq softirq steal [guest guest_nice, already counted in user and nice]
        var total = fields.Skip(1).Take(8).Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
        return (long.Parse(fields[8], CultureInfo.InvariantCulture), total);
    }

    /// <summary>
    /// The share of the machine's time since <paramref name="since"/> that was stolen by the hypervisor: on a shared host
    /// every figure of a run with much of it is slower, CPU time per request included (caches and cores are shared too).
    /// </summary>
    public static double StealPercent((long Steal, long Total) since)
    {
        var now = MachineTicks();
        return now.Total == since.Total ? 0 : 100.0 * (now.Steal - since.Steal) / (now.Total - since.Total);
    }

    /// <summary>Resident set size now (VmRSS).</summary>
    public static long RssBytes(int pid) => StatusKilobytes(pid, "VmRSS:") * 1024;

    /// <summary>The largest resident set since the process started or since <see cref="ResetPeak"/> (VmHWM).</summary>
    public static long PeakRssBytes(int pid) => StatusKilobytes(pid, "VmHWM:") * 1024;

    /// <summary>Anonymous resident memory (RssAnon): heaps and native allocations, no mapped files.</summary>
    public static long AnonymousBytes(int pid) => StatusKilobytes(pid, "RssAnon:") * 1024;

    /// <summary>File-backed resident memory (RssFile): mapped code and libraries, and the runtime's double-mapped JIT code.</summary>
    public static long FileBytes(int pid) => StatusKilobytes(pid, "RssFile:") * 1024;

    /// <summary>Starts <see cref="PeakRssBytes"/> again from the resident set now (writing 5 to clear_refs, Linux 4.0 and later).</summary>
    public static void ResetPeak(int pid) => File.WriteAllText($"/proc/{pid}/clear_refs", "5");

    /// <summary>Where the resident memory is: anonymous (heaps, DuckDB), file-backed (mapped code and libraries), shared memory.</summary>
    public static string RssParts(int pid) => string.Create(CultureInfo.InvariantCulture,
        $"anonymous {StatusKilobytes(pid, "RssAnon:") / 1024.0:F0} MiB, file-backed {StatusKilobytes(pid, "RssFile:") / 1024.0:F0} MiB, shared memory {StatusKilobytes(pid, "RssShmem:") / 1024.0:F0} MiB");

    private static long StatusKilobytes(int pid, string key)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
