using System.Globalization;
using System.Text.RegularExpressions;
using AirisEpm.PromQl.Model;

namespace AirisEpm.MetricsService.Prometheus;

/// <summary>
/// Prometheus's parsers for API parameters, with its error texts: times (<c>parseTime</c>: Unix seconds with up to
/// millisecond precision, or RFC 3339), durations (<c>parseDuration</c>: seconds, or a PromQL duration) and
/// limits (<c>parseLimitParam</c>). Times are Unix milliseconds.
/// </summary>
public static partial class PromParameters
{
    /// <summary>Prometheus's <c>MinTime</c>/<c>MaxTime</c>: the bounds of series and label lookups without start/end.</summary>
    public const long MinTimeMs = -9_223_309_901_257_974_000;

    public const long MaxTimeMs = 9_223_309_901_257_974_999;

    private const string MinTimeText = "-292273086-05-16T16:47:06Z";
    private const string MaxTimeText = "292277025-08-18T07:12:54.999999999Z";

    /// <summary>What Go makes of a float that does not fit an int64 (NaN, ±Inf, |x| ≥ 2^63): the most negative time.</summary>
    private const long OverflowMs = -9_223_372_036_854;

    /// <summary>Prometheus's <c>parseTime</c>; the message is its error text without the parameter name.</summary>
    public static bool TryParseTime(string text, out long timeMs, out string error)
    {
        error = $"cannot parse \"{text}\" to a valid timestamp";
        timeMs = 0;
        if (PromFloat.TryParse(text, out var seconds))
        {
            timeMs = SecondsToMs(seconds);
            return true;
        }

        if (text == MinTimeText)
        {
            timeMs = MinTimeMs;
            return true;
        }

        if (text == MaxTimeText)
        {
            timeMs = MaxTimeMs;
            return true;
        }

        return TryParseRfc3339(text, out timeMs);
    }

    /// <summary>A required time (<c>start</c>/<c>end</c> of a range query): <c>invalid parameter "start": cannot parse ...</c>.</summary>
    public static long RequiredTime(PromRequest request, string name)
    {
        var text = request.Value(name);
        return TryParseTime(text, out var ms, out var error) ? ms : throw PromApiException.InvalidParameter(name, error);
    }

    /// <summary>An optional time (Prometheus's <c>parseTimeParam</c>): the default when absent.</summary>
    public static long OptionalTime(PromRequest request, string name, long defaultMs)
    {
        var text = request.Value(name);
        if (text.Length == 0)
        {
            return defaultMs;
        }

        return TryParseTime(text, out var ms, out var error)
            ? ms
            : throw PromApiException.InvalidParameter(name, $"Invalid time value for '{name}': {error}");
    }

    /// <summary>Prometheus's <c>parseDuration</c>, in whole milliseconds (a sub-millisecond part is dropped, as the engine drops it).</summary>
    public static long Duration(string parameter, string text)
    {
        if (PromFloat.TryParse(text, out var seconds))
        {
            var nanoseconds = seconds * 1e9;
            if (nanoseconds > long.MaxValue || nanoseconds < long.MinValue)
            {
                throw PromApiException.InvalidParameter(parameter, $"cannot parse \"{text}\" to a valid duration. It overflows int64");
            }

            // Go turns NaN into the most negative duration.
            return double.IsNaN(nanoseconds) ? long.MinValue / 1_000_000 : (long)nanoseconds / 1_000_000;
        }

        return PromDuration.TryParseMs(text, out var ms)
            ? ms
            : throw PromApiException.InvalidParameter(parameter, $"cannot parse \"{text}\" to a valid duration");
    }

    /// <summary>Prometheus's <c>parseLimitParam</c>: absent is 0 (no limit), negative is refused.</summary>
    public static int Limit(PromRequest request)
    {
        var text = request.Value("limit");
        if (text.Length == 0)
        {
            return 0;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var limit))
        {
            throw PromApiException.InvalidParameter("limit", $"strconv.Atoi: parsing {PromQlString.Quote(text)}: invalid syntax");
        }

        return limit >= 0 ? limit : throw PromApiException.InvalidParameter("limit", "limit must be non-negative");
    }

    /// <summary>
    /// Go's steps exactly: <c>math.Modf</c>, the fraction rounded to milliseconds (half away from zero), back to
    /// nanoseconds by an int64 conversion, then <c>time.Unix</c>'s normalisation and a floor to milliseconds.
    /// A float beyond int64 becomes what Go's amd64 conversion makes of it.
    /// </summary>
    private static long SecondsToMs(double seconds)
    {
        var whole = Math.Truncate(seconds);
        if (!double.IsFinite(seconds) || Math.Abs(whole) >= 9.2e15)
        {
            return OverflowMs;
        }

        var nanoseconds = (long)(Math.Round((seconds - whole) * 1000, MidpointRounding.AwayFromZero) / 1000 * 1e9);
        return ((long)whole * 1000) + Math.DivRem(nanoseconds, 1_000_000, out var rest) - (rest < 0 ? 1 : 0);
    }

    private static bool TryParseRfc3339(string text, out long timeMs)
    {
        timeMs = 0;
        var match = Rfc3339().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var g = match.Groups;
        int Int(string name) => int.Parse(g[name].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var (year, month, day, hour, minute, second) = (Int("y"), Int("mo"), Int("d"), Int("h"), Int("mi"), Int("s"));
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month) || hour > 23 || minute > 59 || second > 59 || year == 0)
        {
            return false;
        }

        var offsetMinutes = 0;
        if (g["oh"].Success)
        {
            var (offsetHour, offsetMinute) = (Int("oh"), Int("om"));
            if (offsetHour > 23 || offsetMinute > 59)
            {
                return false;
            }

            offsetMinutes = ((offsetHour * 60) + offsetMinute) * (g["sign"].Value == "-" ? -1 : 1);
        }

        var fraction = g["f"].Success ? g["f"].Value.PadRight(3, '0')[..3] : "000";
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        timeMs = new DateTimeOffset(local).ToUnixTimeMilliseconds()
            + int.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture)
            - (offsetMinutes * 60_000L);
        return true;
    }

    /// <summary>Go's <c>time.RFC3339Nano</c> as <c>time.Parse</c> reads it: a 'T', seconds with up to 9 fraction digits, 'Z' or ±hh:mm.</summary>
    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})T(?<h>\d{2}):(?<mi>\d{2}):(?<s>\d{2})(?:\.(?<f>\d{1,9}))?(?:Z|(?<sign>[+-])(?<oh>\d{2}):(?<om>\d{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
