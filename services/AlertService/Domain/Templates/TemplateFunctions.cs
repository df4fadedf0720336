using System.Globalization;
using System.Text;

namespace AirisEpm.AlertService.Domain.Templates;

/// <summary>The functions a template may call, with Prometheus's formatting rules.</summary>
internal static class TemplateFunctions
{
    private static readonly string[] BigPrefixes = ["", "k", "M", "G", "T", "P", "E", "Z", "Y"];
    private static readonly string[] SmallPrefixes = ["m", "u", "n", "p", "f", "a", "z", "y"];

    public static readonly IReadOnlyDictionary<string, Func<object, string>> All = new Dictionary<string, Func<object, string>>(StringComparer.Ordinal)
    {
        ["humanize"] = v => Humanize(ToNumber(v), 1000),
        ["humanize1024"] = v => Humanize(ToNumber(v), 1024),
        ["humanizePercentage"] = v => G4(ToNumber(v) * 100) + "%",
        ["humanizeDuration"] = v => HumanizeDuration(ToNumber(v)),
        ["toUpper"] = v => Format(v).ToUpperInvariant(),
        ["toLower"] = v => Format(v).ToLowerInvariant(),
        ["title"] = v => Title(Format(v)),
        ["trimSpace"] = v => Format(v).Trim(),
    };

    public static string Format(object value) => value switch
    {
        double d => d.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static double ToNumber(object value) => value switch
    {
        double d => d,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw new FormatException($"cannot convert \"{value}\" to a number"),
    };

    private static string G4(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    private static string Humanize(double v, double unit)
    {
        if (v == 0 || double.IsNaN(v) || double.IsInfinity(v)) return G4(v);
        if (Math.Abs(v) >= 1)
        {
            var i = 0;
            while (Math.Abs(v) >= unit && i < BigPrefixes.Length - 1)
            {
                v /= unit;
                i++;
            }
            return G4(v) + (unit == 1024 && i > 0 ? BigPrefixes[i] + "i" : BigPrefixes[i]);
        }
        if (unit == 1024) return G4(v);
        var prefix = "";
        foreach (var p in SmallPrefixes)
        {
            if (Math.Abs(v) >= 1) break;
            prefix = p;
            v *= 1000;
        }
        return G4(v) + prefix;
    }

    private static string HumanizeDuration(double v)
    {
        if (double.IsNaN(v) || double.IsInfinity(v)) return G4(v);
        if (v == 0) return "0s";
        if (Math.Abs(v) >= 1)
        {
            var sign = v < 0 ? "-" : "";
            var total = (long)Math.Abs(v);
            var (days, hours, minutes, seconds) = (total / 86400, total / 3600 % 24, total / 60 % 60, total % 60);
            if (days != 0) return $"{sign}{days}d {hours}h {minutes}m {seconds}s";
            if (hours != 0) return $"{sign}{hours}h {minutes}m {seconds}s";
            if (minutes != 0) return $"{sign}{minutes}m {seconds}s";
            return $"{sign}{G4(Math.Abs(v))}s";
        }
        var prefix = "";
        foreach (var p in SmallPrefixes)
        {
            if (Math.Abs(v) >= 1) break;
            prefix = p;
            v *= 1000;
        }
        return $"{G4(v)}{prefix}s";
    }

    /// <summary>Go's strings.Title: upper-cases the first letter of each word, leaves the rest alone.</summary>
    private static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        var atWordStart = true;
        foreach (var c in s)
        {
            sb.Append(atWordStart ? char.ToUpperInvariant(c) : c);
            atWordStart = !char.IsLetterOrDigit(c) && c != '_' && c != '\'';
        }
        return sb.ToString();
    }
}
