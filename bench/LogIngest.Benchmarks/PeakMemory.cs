using System.Globalization;

namespace AirisEpm.LogIngest.Benchmarks;

/// <summary>The process's peak resident set (VmHWM in /proc/self/status); <see cref="Reset"/> starts a new peak (Linux 4.0+).</summary>
internal static class PeakMemory
{
    public static long Bytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    /// <summary>Writing 5 to clear_refs resets VmHWM to the current RSS.</summary>
    public static void Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
            // not Linux or not permitted: the peak then covers the whole run
        }
        catch (UnauthorizedAccessException)
        {
            // as above
        }
    }
}
