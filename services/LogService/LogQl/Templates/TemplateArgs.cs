using System.Globalization;
using AirisEpm.GoTemplates;

namespace AirisEpm.LogService.LogQl.Templates;

/// <summary>
/// How template functions take their arguments, as Go's reflection-based calls do: a count that must fit,
/// <c>string</c>/<c>int</c>/<c>time.Time</c> parameters that must have that type (<c>wrong type for value;
/// expected string; got int</c>), and sprig's lenient <c>cast.ToInt64</c>/<c>cast.ToFloat64</c> for its numeric
/// functions (unreadable text is 0). Every failure is a <see cref="GoTemplateException"/>.
/// </summary>
internal static class TemplateArgs
{
    public static IReadOnlyList<object?> Exactly(IReadOnlyList<object?> args, int count, string name) =>
        args.Count == count ? args : throw new GoTemplateException($"wrong number of args for {name}: want {count} got {args.Count}");

    public static IReadOnlyList<object?> AtLeast(IReadOnlyList<object?> args, int count, string name) =>
        args.Count >= count ? args : throw new GoTemplateException($"wrong number of args for {name}: want at least {count} got {args.Count}");

    public static string Str(object? value) => GoValues.RequireString(value, "");

    public static long Int(object? value) => value is long l ? l : throw WrongType("int", value);

    public static DateTimeOffset Time(object? value) => value is DateTimeOffset t ? t : throw WrongType("time.Time", value);

    /// <summary>sprig's <c>toInt64</c> (spf13/cast): numbers truncated, text read as Go integer literals (<c>0x1f</c>, <c>2.0</c>), anything unreadable 0.</summary>
    public static long CastInt64(object? value) => value switch
    {
        long l => l,
        double d when double.IsFinite(d) && Math.Abs(d) < 9.2e18 => (long)d,
        bool b => b ? 1 : 0,
        string s => ParseInteger(TrimZeroDecimal(s)),
        _ => 0,
    };

    /// <summary>sprig's <c>toFloat64</c>: numbers as they are, text read as a Go float, anything unreadable 0.</summary>
    public static double CastFloat64(object? value) => value switch
    {
        double d => d,
        long l => l,
        bool b => b ? 1 : 0,
        string s when GoValues.GoParseFloat(s, out var d) => d,
        _ => 0,
    };

    /// <summary>Go's emptiness (sprig's <c>empty</c>): nil, "", 0, false, empty maps and lists.</summary>
    public static bool IsEmpty(object? value) => !GoValues.IsTrue(value) || value is DateTimeOffset { Ticks: 0 };

    public static GoTemplateException WrongType(string expected, object? value) =>
        new($"wrong type for value; expected {expected}; got {GoValues.TypeName(value)}");

    private static long ParseInteger(string text) =>
        GoNumbers.TryParseInt(text, out var value) ? value : 0;

    private static string TrimZeroDecimal(string s)
    {
        var point = s.IndexOf('.', StringComparison.Ordinal);
        return point > 0 && s[(point + 1)..].All(c => c == '0') ? s[..point] : s;
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The longest text a function may build, the executor's output bound: a query must not make a line allocate gigabytes.</summary>
    public const long MaxText = GoFormat.MaxLength;

    /// <summary>Throws before a function builds a text longer than <see cref="MaxText"/>.</summary>
    public static void CheckLength(long length, string function)
    {
        if (length > MaxText) throw new GoTemplateException($"{function} would build {length:N0} characters, more than {MaxText:N0}");
    }

    /// <summary>How many times <paramref name="old"/> occurs in <paramref name="s"/> without overlapping (Go counts an empty one between every rune).</summary>
    public static long Occurrences(string s, string old)
    {
        if (old.Length == 0) return s.EnumerateRunes().LongCount() + 1;
        long count = 0;
        for (var at = s.IndexOf(old, StringComparison.Ordinal); at >= 0; at = s.IndexOf(old, at + old.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
