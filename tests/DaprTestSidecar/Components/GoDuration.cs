using System.Globalization;
using System.Text.RegularExpressions;

namespace AirisEpm.DaprTestSidecar.Components;

/// <summary>Parses Go durations ("200ms", "1h2m3s", "0h0m1s0ms") as Dapr writes them, and prints them as Go does.</summary>
public static partial class GoDuration
{
    [GeneratedRegex(@"(?<n>\d+(\.\d+)?)(?<u>h|ms|us|µs|ns|m|s)")]
    private static partial Regex Part();

    public static TimeSpan Parse(string text)
    {
        if (TryParse(text, out var value))
        {
            return value;
        }

        throw new FormatException($"'{text}' is not a Go duration.");
    }

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var matches = Part().Matches(text.Trim());
        if (matches.Count == 0 || matches.Sum(m => m.Length) != text.Trim().Length)
        {
            return false;
        }

        foreach (Match match in matches)
        {
            var n = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            value += match.Groups["u"].Value switch
            {
                "h" => TimeSpan.FromHours(n),
                "m" => TimeSpan.FromMinutes(n),
                "s" => TimeSpan.FromSeconds(n),
                "ms" => TimeSpan.FromMilliseconds(n),
                "us" or "µs" => TimeSpan.FromMicroseconds(n),
                _ => TimeSpan.FromTicks((long)(n / 100)),
            };
        }

        return true;
    }

    /// <summary>Go's time.Duration.String() for the whole seconds and milliseconds daprd's flags take: "5s", "500ms", "1m30s".</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero) return "0s";
        if (value < TimeSpan.FromSeconds(1)) return value.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
        var text = "";
        if (value.Hours + (value.Days * 24) > 0) text += $"{(int)value.TotalHours}h";
        if (text.Length > 0 || value.Minutes > 0) text += $"{value.Minutes}m";
        var seconds = value.Seconds + (value.Milliseconds / 1000.0);
        return text + seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
    }
}
