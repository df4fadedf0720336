using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using AirisEpm.DaprTestSidecar.Components;

namespace AirisEpm.DaprTestSidecar.Actors;

/// <summary>
/// Due times and periods of reminders and timers as Dapr accepts them: Go durations ("0h0m5s0ms"),
/// ISO 8601 durations ("PT5S", "R3/PT5S" for three repetitions) and RFC 3339 instants for due times.
/// </summary>
public static partial class DaprSchedule
{
    [GeneratedRegex(@"^R(?<n>\d+)/(?<d>P.+)$")]
    private static partial Regex Repeating();

    public static TimeSpan Due(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return TimeSpan.Zero;
        }

        if (GoDuration.TryParse(text, out var duration))
        {
            return duration;
        }

        return text.StartsWith('P')
            ? XmlConvert.ToTimeSpan(text)
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) - now;
    }

    /// <summary>The period (null: fire once) and how many times to fire (null: until deleted).</summary>
    public static (TimeSpan? Period, int? Repetitions) Period(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, 1);
        }

        if (Repeating().Match(text) is { Success: true } match)
        {
            return (XmlConvert.ToTimeSpan(match.Groups["d"].Value), int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture));
        }

        var period = GoDuration.TryParse(text, out var duration) ? duration : XmlConvert.ToTimeSpan(text);
        return period <= TimeSpan.Zero ? (null, 1) : (period, null);
    }
}
