using System.Globalization;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>The process's resident memory now and at its peak (VmRSS / VmHWM of /proc/self/status), in MiB.</summary>
internal static class ProcessMemory
{
    public static double ResidentMiB => Read("VmRSS:");

    public static double PeakResidentMiB => Read("VmHWM:");

    private static double Read(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }
}
