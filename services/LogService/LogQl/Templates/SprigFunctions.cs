using System.Globalization;
using System.Text;
using System.Text.Json;
using AirisEpm.GoTemplates;
using static AirisEpm.LogService.LogQl.Templates.TemplateArgs;

namespace AirisEpm.LogService.LogQl.Templates;

/// <summary>
/// The sprig functions Loki enables in templates (its <c>templateFunctions</c> list), with sprig v3's
/// semantics: string helpers taking the string last (<c>{{ .msg | trunc 20 }}</c>), integer arithmetic on
/// <c>cast.ToInt64</c> of any value, float arithmetic (<c>addf</c>…), <c>default</c>, <c>fromJson</c>, and the
/// date helpers on Go layouts (<see cref="GoTimeLayout"/>; "local" time is UTC here).
/// </summary>
internal static class SprigFunctions
{
    public static readonly IReadOnlyDictionary<string, GoFunction> All = new Dictionary<string, GoFunction>(StringComparer.Ordinal)
    {
        ["b64enc"] = a => Convert.ToBase64String(Encoding.UTF8.GetBytes(Str(Exactly(a, 1, "b64enc")[0]))),
        ["lower"] = a => Str(Exactly(a, 1, "lower")[0]).ToLowerInvariant(),
        ["upper"] = a => Str(Exactly(a, 1, "upper")[0]).ToUpperInvariant(),
        ["title"] = a => Title(Str(Exactly(a, 1, "title")[0])),
        ["trunc"] = a => Trunc(Int(Exactly(a, 2, "trunc")[0]), Str(a[1])),
        ["substr"] = a => Substring(Int(Exactly(a, 3, "substr")[0]), Int(a[1]), Str(a[2])),
        ["contains"] = a => Str(Exactly(a, 2, "contains")[1]).Contains(Str(a[0]), StringComparison.Ordinal),
        ["hasPrefix"] = a => Str(Exactly(a, 2, "hasPrefix")[1]).StartsWith(Str(a[0]), StringComparison.Ordinal),
        ["hasSuffix"] = a => Str(Exactly(a, 2, "hasSuffix")[1]).EndsWith(Str(a[0]), StringComparison.Ordinal),
        ["indent"] = a => Indent(Int(Exactly(a, 2, "indent")[0]), Str(a[1])),
        ["nindent"] = a => "\n" + Indent(Int(Exactly(a, 2, "nindent")[0]), Str(a[1])),
        ["replace"] = a => Replace(Str(Exactly(a, 3, "replace")[2]), Str(a[0]), Str(a[1])),
        ["repeat"] = a => Repeat(Int(Exactly(a, 2, "repeat")[0]), Str(a[1])),
        ["trim"] = a => Str(Exactly(a, 1, "trim")[0]).Trim(),
        ["trimAll"] = a => Str(Exactly(a, 2, "trimAll")[1]).Trim(Str(a[0]).ToCharArray()),
        ["trimSuffix"] = a => TemplateStrings.TrimSuffix(Str(Exactly(a, 2, "trimSuffix")[1]), Str(a[0])),
        ["trimPrefix"] = a => TemplateStrings.TrimPrefix(Str(Exactly(a, 2, "trimPrefix")[1]), Str(a[0])),
        ["int"] = a => CastInt64(Exactly(a, 1, "int")[0]),
        ["float64"] = a => CastFloat64(Exactly(a, 1, "float64")[0]),
        ["add"] = a => a.Aggregate(0L, (sum, v) => unchecked(sum + CastInt64(v))),
        ["sub"] = a => unchecked(CastInt64(Exactly(a, 2, "sub")[0]) - CastInt64(a[1])),
        ["mul"] = a => a.Aggregate(1L, (product, v) => unchecked(product * CastInt64(v))),
        ["div"] = a => Divide(CastInt64(Exactly(a, 2, "div")[0]), CastInt64(a[1]), modulo: false),
        ["mod"] = a => Divide(CastInt64(Exactly(a, 2, "mod")[0]), CastInt64(a[1]), modulo: true),
        ["addf"] = a => Exact(() => a.Aggregate(0m, (sum, v) => sum + Decimal(v)), () => a.Sum(CastFloat64)),
        ["subf"] = a => Exact(() => a.Skip(1).Aggregate(Decimal(AtLeast(a, 1, "subf")[0]), (sum, v) => sum - Decimal(v)), () => a.Skip(1).Aggregate(CastFloat64(a[0]), (sum, v) => sum - CastFloat64(v))),
        ["mulf"] = a => Exact(() => a.Aggregate(1m, (product, v) => product * Decimal(v)), () => a.Aggregate(1.0, (product, v) => product * CastFloat64(v))),
        ["divf"] = a => Exact(() => a.Skip(1).Aggregate(Decimal(AtLeast(a, 1, "divf")[0]), (q, v) => Decimal(v) is var d && d != 0 ? q / d : throw new GoTemplateException("decimal division by 0")), () => a.Skip(1).Aggregate(CastFloat64(a[0]), (q, v) => q / CastFloat64(v))),
        ["max"] = a => AtLeast(a, 1, "max").Select(CastInt64).Max(),
        ["min"] = a => AtLeast(a, 1, "min").Select(CastInt64).Min(),
        ["maxf"] = a => AtLeast(a, 1, "maxf").Select(CastFloat64).Aggregate(Math.Max),
        ["minf"] = a => AtLeast(a, 1, "minf").Select(CastFloat64).Aggregate(Math.Min),
        ["ceil"] = a => Math.Ceiling(CastFloat64(Exactly(a, 1, "ceil")[0])),
        ["floor"] = a => Math.Floor(CastFloat64(Exactly(a, 1, "floor")[0])),
        ["round"] = a => Round(AtLeast(a, 2, "round")),
        ["fromJson"] = a => FromJson(Str(Exactly(a, 1, "fromJson")[0])),
        ["date"] = a => GoTimeLayout.Format(DateOf(Exactly(a, 2, "date")[1]), Str(a[0])),
        ["toDate"] = a => GoTimeLayout.TryParse(Str(Exactly(a, 2, "toDate")[0]), Str(a[1]), TimeSpan.Zero, out var t) ? t : DateTimeOffset.MinValue,
        ["now"] = a => Exactly(a, 0, "now") is { } ? DateTimeOffset.UtcNow : null,
        ["unixEpoch"] = a => Number(Time(Exactly(a, 1, "unixEpoch")[0]).ToUnixTimeSeconds()),
        ["default"] = a => AtLeast(a, 1, "default").Count == 1 || IsEmpty(a[1]) ? a[0] : a[1],
    };

    /// <summary>Go's deprecated <c>strings.Title</c>: the first letter of each word upper-cased, a word starting after any non-letter.</summary>
    private static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        var previous = ' ';
        foreach (var c in s)
        {
            sb.Append(!char.IsLetterOrDigit(previous) && previous != '_' && previous != '\'' ? char.ToUpperInvariant(c) : c);
            previous = c;
        }

        return sb.ToString();
    }

    private static string Trunc(long count, string s)
    {
        var runes = s.EnumerateRunes().Select(r => r.ToString()).ToList();
        if (count < 0 && runes.Count + count > 0) return string.Concat(runes.Skip(runes.Count + (int)count));
        if (count >= 0 && runes.Count > count) return string.Concat(runes.Take((int)count));
        return s;
    }

    /// <summary>Loki's <c>substr</c>: rune indexes, an end past the string clamped, a negative start meaning "from the beginning".</summary>
    private static string Substring(long start, long end, string s)
    {
        var runes = s.EnumerateRunes().Select(r => r.ToString()).ToList();
        var length = runes.Count;
        if (end > length) end = length;
        if (start > length) start = length;
        if (start < 0) return end < 0 ? "" : string.Concat(runes.Take((int)end));
        if (end < 0) return string.Concat(runes.Skip((int)start));
        return start > end ? "" : string.Concat(runes.Skip((int)start).Take((int)(end - start)));
    }

    private static string Indent(long spaces, string s)
    {
        var width = Math.Clamp(spaces, 0, MaxText);
        CheckLength(s.Length + ((Occurrences(s, "\n") + 1) * width), "indent");
        var pad = new string(' ', (int)width);
        return pad + s.Replace("\n", "\n" + pad, StringComparison.Ordinal);
    }

    private static string Replace(string s, string old, string replacement)
    {
        CheckLength(s.Length + (Occurrences(s, old) * (replacement.Length - old.Length)), "replace");
        return old.Length == 0 ? string.Join(replacement, s.EnumerateRunes().Select(r => r.ToString()).Prepend("").Append("")) : s.Replace(old, replacement, StringComparison.Ordinal);
    }

    private static string Repeat(long count, string s)
    {
        if (count < 0) throw new GoTemplateException("strings: negative Repeat count");
        if (s.Length == 0) return "";
        CheckLength(s.Length * Math.Min(count, MaxText + 1), "repeat");
        return string.Concat(Enumerable.Repeat(s, (int)count));
    }

    /// <summary>Go's integer division: by zero a runtime error; the one overflow (MinValue / −1) wraps, as Go's does.</summary>
    private static long Divide(long a, long b, bool modulo)
    {
        if (b == 0) throw new GoTemplateException("runtime error: integer divide by zero");
        if (b == -1) return modulo ? 0 : unchecked(-a);
        return modulo ? a % b : a / b;
    }

    /// <summary>sprig's float arithmetic is decimal (shopspring); past decimal's range it falls back to doubles.</summary>
    private static double Exact(Func<decimal> exact, Func<double> approximate)
    {
        try
        {
            return (double)exact();
        }
        catch (OverflowException)
        {
            return approximate();
        }
    }

    private static decimal Decimal(object? value)
    {
        var d = CastFloat64(value);
        return double.IsFinite(d) && Math.Abs(d) < 7.9e28 ? (decimal)d : 0;
    }

    private static double Round(IReadOnlyList<object?> a)
    {
        var roundOn = a.Count > 2 ? CastFloat64(a[2]) : 0.5;
        var pow = Math.Pow(10, Int(a[1]));
        var digit = pow * CastFloat64(a[0]);
        var fraction = digit - Math.Truncate(digit);
        return (fraction >= roundOn ? Math.Ceiling(digit) : Math.Floor(digit)) / pow;
    }

    private static DateTimeOffset DateOf(object? value) => value switch
    {
        DateTimeOffset t => t,
        long seconds when seconds is > -62_135_596_800 and < 253_402_300_800 => DateTimeOffset.FromUnixTimeSeconds(seconds),
        _ => DateTimeOffset.UtcNow,
    };

    /// <summary>sprig's <c>fromJson</c>: the JSON value as template values (objects as maps, numbers as float64); nil when it does not parse.</summary>
    private static object? FromJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            return Value(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static object? Value(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new GoMap(element.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Value(g.Last().Value), StringComparer.Ordinal)),
        JsonValueKind.Array => element.EnumerateArray().Select(Value).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetDouble(out var number) ? number : null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
