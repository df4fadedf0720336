using System.Globalization;
using System.Text.RegularExpressions;

namespace AirisEpm.WebConsole.Dashboards;

/// <summary>
/// The time notations a dashboard stores, as Grafana writes them: a range end is <c>now</c> with offsets and
/// roundings (<c>now-6h</c>, <c>now-1d/d</c>, <c>now/w</c>) or an ISO-8601 instant; a refresh is a whole
/// number of seconds, minutes, hours or days (<c>30s</c>, <c>5m</c>).
/// </summary>
public static partial class TimeExpressions
{
    public const int MaxLength = 64;

    public static bool IsTime(string? text) =>
        text is { Length: > 0 and <= MaxLength }
        && (RelativeTime().IsMatch(text)
            || DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));

    public static bool IsRefresh(string? text) => text is { Length: <= MaxLength } && Refresh().IsMatch(text);

    private static readonly string[] IsoFormats =
        ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd"];

    [GeneratedRegex(@"^now(?:[+-][0-9]{1,9}[smhdwMy]|/[smhdwMy])*$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeTime();

    [GeneratedRegex(@"^[1-9][0-9]{0,5}[smhd]$", RegexOptions.CultureInvariant)]
    private static partial Regex Refresh();
}
