using System.Collections;
using System.Globalization;
using System.Text;

namespace AirisEpm.GoTemplates;

/// <summary>A Go map with string keys (ranged and printed in key order); <see cref="Zero"/> is what a missing key reads as.</summary>
public sealed class GoMap(IReadOnlyDictionary<string, object?> entries, object? zero = null, string typeName = "map[string]interface {}")
{
    public IReadOnlyDictionary<string, object?> Entries { get; } = entries;

    public object? Zero { get; } = zero;

    public string TypeName { get; } = typeName;

    public static GoMap Strings(IEnumerable<KeyValuePair<string, string>> entries) =>
        new(entries.ToDictionary(kv => kv.Key, kv => (object?)kv.Value, StringComparer.Ordinal), "", "map[string]string");

    public IEnumerable<string> SortedKeys => Entries.Keys.OrderBy(k => k, StringComparer.Ordinal);
}

/// <summary>A Go struct: named fields in declaration order.</summary>
public sealed class GoStruct(string typeName, IReadOnlyList<KeyValuePair<string, object?>> fields)
{
    public string TypeName { get; } = typeName;

    public IReadOnlyList<KeyValuePair<string, object?>> Fields { get; } = fields;

    public bool TryGet(string name, out object? value)
    {
        foreach (var (key, v) in Fields)
        {
            if (key == name)
            {
                value = v;
                return true;
            }
        }

        value = null;
        return false;
    }
}

/// <summary>
/// The values templates work with, as Go's: <c>nil</c> (null), <c>string</c>, <c>int</c> (long), <c>float64</c> (double),
/// <c>bool</c>, <see cref="GoMap"/>, slices (<see cref="IReadOnlyList{T}"/>), <see cref="GoStruct"/>, <c>time.Time</c>
/// (<see cref="DateTimeOffset"/>) and <c>time.Duration</c> (<see cref="TimeSpan"/>); printed as <c>fmt.Sprint</c> prints them.
/// </summary>
public static class GoValues
{
    public static string TypeName(object? value) => value switch
    {
        null => "<nil>",
        string => "string",
        long => "int",
        double => "float64",
        bool => "bool",
        GoMap m => m.TypeName,
        GoStruct s => s.TypeName,
        DateTimeOffset => "time.Time",
        TimeSpan => "time.Duration",
        IReadOnlyList<object?> => "[]interface {}",
        _ => value.GetType().Name,
    };

    /// <summary><c>fmt.Sprint(value)</c> (<c>%v</c>).</summary>
    public static string Print(object? value) => value switch
    {
        null => "<nil>",
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => GoFloat.Format(d, 'g', -1),
        bool b => b ? "true" : "false",
        GoMap m => "map[" + string.Join(" ", m.SortedKeys.Select(k => k + ":" + Print(m.Entries[k]))) + "]",
        GoStruct s => "{" + string.Join(" ", s.Fields.Select(f => Print(f.Value))) + "}",
        DateTimeOffset t => Time(t),
        TimeSpan d => Duration(d),
        IReadOnlyList<object?> list => "[" + string.Join(" ", list.Select(Print)) + "]",
        _ => value.ToString() ?? "",
    };

    /// <summary>Go's truth: false, 0, nil, and empty strings, maps and slices are false.</summary>
    public static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        long l => l != 0,
        double d => d != 0,
        GoMap m => m.Entries.Count > 0,
        ICollection c => c.Count > 0,
        IReadOnlyList<object?> list => list.Count > 0,
        TimeSpan d => d != TimeSpan.Zero,
        _ => true,
    };

    /// <summary>Go's <c>time.Time.String()</c>: <c>2006-01-02 15:04:05.999999999 -0700 MST</c> (UTC: <c>+0000 UTC</c>).</summary>
    public static string Time(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        var fraction = (utc.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
        return utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + (fraction.Length > 0 ? "." + fraction : "") + " +0000 UTC";
    }

    /// <summary>Go's <c>time.Duration.String()</c>: <c>1h2m3.5s</c>, <c>1.5ms</c>, <c>0s</c>.</summary>
    public static string Duration(TimeSpan d)
    {
        var ns = d.Ticks * 100;
        if (ns == 0) return "0s";
        var sb = new StringBuilder();
        if (ns < 0)
        {
            sb.Append('-');
            ns = -ns;
        }

        if (ns < 1_000_000_000)
        {
            var (unit, size) = ns < 1_000 ? ("ns", 1L) : ns < 1_000_000 ? ("µs", 1_000L) : ("ms", 1_000_000L);
            return sb.Append(Fraction(ns, size)).Append(unit).ToString();
        }

        var hours = ns / 3_600_000_000_000;
        var minutes = ns / 60_000_000_000 % 60;
        var seconds = ns % 60_000_000_000;
        if (hours > 0) sb.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        if (hours > 0 || minutes > 0) sb.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        return sb.Append(Fraction(seconds, 1_000_000_000)).Append('s').ToString();
    }

    private static string Fraction(long value, long unit)
    {
        var whole = (value / unit).ToString(CultureInfo.InvariantCulture);
        var rest = value % unit;
        if (rest == 0) return whole;
        var digits = unit.ToString(CultureInfo.InvariantCulture).Length - 1;
        return whole + "." + rest.ToString(new string('0', digits), CultureInfo.InvariantCulture).TrimEnd('0');
    }

    /// <summary>A number for a function that takes one, as Prometheus's <c>convertToFloat</c>: numbers, numeric strings, durations (seconds).</summary>
    public static double ToFloat(object? value) => value switch
    {
        double d => d,
        long l => l,
        string s when GoParseFloat(s, out var d) => d,
        string s => throw new GoTemplateException($"strconv.ParseFloat: parsing {GoQuote.Quote(s)}: invalid syntax"),
        TimeSpan t => t.TotalSeconds,
        _ => throw new GoTemplateException($"can't convert {TypeName(value)} to float"),
    };

    /// <summary>Go's <c>strconv.ParseFloat</c> of text: decimal or hex floats, Inf/Infinity/NaN in any case.</summary>
    public static bool GoParseFloat(string text, out double value)
    {
        var unsigned = text.TrimStart('+', '-');
        if (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = text.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
            return text.Length - unsigned.Length <= 1;
        }

        if (unsigned.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return text.Length == unsigned.Length;
        }

        return GoNumbers.TryParseFloat(text, out value);
    }

    public static string RequireString(object? value, string function) =>
        value as string ?? throw new GoTemplateException($"wrong type for value; expected string; got {TypeName(value)}{(function.Length > 0 ? " (in " + function + ")" : "")}");
}
