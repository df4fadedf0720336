using System.Globalization;
using System.Text;

namespace AirisEpm.GoTemplates;

/// <summary>
/// Go's <c>fmt.Sprintf</c> for the values templates hold: flags <c>-+ #0</c>, width and precision (also <c>*</c>),
/// the verbs <c>v s q d b o x X c U e E f F g G t %</c>, and fmt's in-band errors
/// (<c>%!d(string=x)</c>, <c>%!d(MISSING)</c>, <c>%!(EXTRA …)</c>).
/// </summary>
public static class GoFormat
{
    /// <summary>The longest text one <see cref="Sprintf"/> builds (the executor's output bound).</summary>
    public const int MaxLength = 1 << 20;

    public static string Sprintf(string format, IReadOnlyList<object?> args)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(args);
        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            // A template's whole output is bounded; one printf of many wide verbs must not build gigabytes first.
            if (sb.Length > MaxLength) throw new GoTemplateException($"printf output exceeds {MaxLength:N0} characters");
            if (format[i] != '%')
            {
                sb.Append(format[i]);
                continue;
            }

            var spec = new Spec();
            i++;
            for (; i < format.Length && "-+ #0".Contains(format[i], StringComparison.Ordinal); i++)
            {
                switch (format[i])
                {
                    case '-': spec.Minus = true; break;
                    case '+': spec.Plus = true; break;
                    case ' ': spec.Space = true; break;
                    case '#': spec.Sharp = true; break;
                    default: spec.Zero = true; break;
                }
            }

            spec.Width = Number(format, ref i, args, ref next);
            if (i < format.Length && format[i] == '.')
            {
                i++;
                spec.Precision = Number(format, ref i, args, ref next) ?? 0;
            }

            if (i >= format.Length)
            {
                sb.Append("%!(NOVERB)");
                break;
            }

            var verb = format[i];
            if (verb == '%')
            {
                sb.Append('%');
                continue;
            }

            if (next >= args.Count)
            {
                sb.Append("%!").Append(verb).Append("(MISSING)");
                continue;
            }

            sb.Append(Pad(One(verb, args[next++], spec), spec));
        }

        if (next < args.Count)
        {
            sb.Append("%!(EXTRA ").Append(string.Join(", ", args.Skip(next).Select(a => GoValues.TypeName(a) + "=" + GoValues.Print(a)))).Append(')');
        }

        return sb.ToString();
    }

    /// <summary><c>fmt.Sprint</c>: spaces between operands when neither side is a string.</summary>
    public static string Sprint(IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < args.Count; i++)
        {
            if (i > 0 && args[i] is not string && args[i - 1] is not string) sb.Append(' ');
            sb.Append(GoValues.Print(args[i]));
        }

        return sb.ToString();
    }

    public static string Sprintln(IReadOnlyList<object?> args) => string.Join(" ", args.Select(GoValues.Print)) + "\n";

    private sealed class Spec
    {
        public bool Minus { get; set; }

        public bool Plus { get; set; }

        public bool Space { get; set; }

        public bool Sharp { get; set; }

        public bool Zero { get; set; }

        public int? Width { get; set; }

        public int? Precision { get; set; }
    }

    private static int? Number(string format, ref int i, IReadOnlyList<object?> args, ref int next)
    {
        if (i < format.Length && format[i] == '*')
        {
            i++;
            return next < args.Count && args[next++] is long star ? (int)Math.Clamp(star, -1_000_000, 1_000_000) : null;
        }

        var start = i;
        while (i < format.Length && char.IsAsciiDigit(format[i]) && i - start < 7) i++;
        return i > start ? int.Parse(format.AsSpan(start, i - start), CultureInfo.InvariantCulture) : null;
    }

    private static string One(char verb, object? arg, Spec spec) => arg switch
    {
        bool b when verb is 't' or 'v' => b ? "true" : "false",
        long l => Integer(verb, l, spec, arg),
        double d => Float(verb, d, spec, arg),
        string s => Text(verb, s, spec, arg),
        null when verb == 'v' => "<nil>",
        null => $"%!{verb}(<nil>)",
        _ when verb is 'v' or 's' => GoValues.Print(arg),
        _ => Bad(verb, arg),
    };

    private static string Integer(char verb, long l, Spec spec, object arg)
    {
        var sign = l < 0 ? "-" : spec.Plus ? "+" : spec.Space ? " " : "";
        var magnitude = l == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(l);
        string digits;
        switch (verb)
        {
            case 'd' or 'v': digits = magnitude.ToString(CultureInfo.InvariantCulture); break;
            case 'b': digits = Convert.ToString((long)magnitude, 2); break;
            case 'o' or 'O': digits = Convert.ToString((long)magnitude, 8); if (verb == 'O') sign += "0o"; break;
            case 'x': digits = magnitude.ToString("x", CultureInfo.InvariantCulture); if (spec.Sharp) sign += "0x"; break;
            case 'X': digits = magnitude.ToString("X", CultureInfo.InvariantCulture); if (spec.Sharp) sign += "0X"; break;
            case 'c': return l is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32((int)l) : "\uFFFD";
            case 'q': return l is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? "'" + GoQuote.Quote(char.ConvertFromUtf32((int)l))[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) + "'" : "'\uFFFD'";
            case 'U': return "U+" + magnitude.ToString("X4", CultureInfo.InvariantCulture);
            default: return Bad(verb, arg);
        }

        if (spec.Precision is { } p && digits.Length < p) digits = new string('0', p - digits.Length) + digits;
        if (spec.Zero && !spec.Minus && spec.Precision is null && spec.Width is { } w && sign.Length + digits.Length < w)
        {
            digits = new string('0', w - sign.Length - digits.Length) + digits;
        }

        return sign + digits;
    }

    private static string Float(char verb, double d, Spec spec, object arg)
    {
        var format = verb switch
        {
            'v' => 'g',
            'e' or 'E' or 'f' or 'F' or 'g' or 'G' => verb,
            _ => '\0',
        };
        if (format == '\0') return Bad(verb, arg);
        var precision = spec.Precision ?? (format is 'g' or 'G' ? -1 : 6);
        var text = GoFloat.Format(d, format == 'F' ? 'f' : format, precision);
        if (double.IsInfinity(d) && d > 0 && !spec.Plus) text = "+Inf";
        if (!text.StartsWith('-') && !text.StartsWith('+') && (spec.Plus || spec.Space)) text = (spec.Plus ? "+" : " ") + text;
        if (spec.Zero && !spec.Minus && spec.Width is { } w && text.Length < w && double.IsFinite(d))
        {
            var signLength = text[0] is '-' or '+' or ' ' ? 1 : 0;
            text = text[..signLength] + new string('0', w - text.Length) + text[signLength..];
        }

        return text;
    }

    private static string Text(char verb, string s, Spec spec, object arg)
    {
        if (spec.Precision is { } p && verb is 's' or 'v' or 'q')
        {
            var runes = s.EnumerateRunes().Take(p).Select(r => r.ToString());
            s = string.Concat(runes);
        }

        return verb switch
        {
            's' or 'v' => s,
            'q' => spec.Sharp && !s.Contains('`', StringComparison.Ordinal) ? "`" + s + "`" : GoQuote.Quote(s),
            'x' => Convert.ToHexString(Encoding.UTF8.GetBytes(s)).ToLowerInvariant(),
            'X' => Convert.ToHexString(Encoding.UTF8.GetBytes(s)),
            _ => Bad(verb, arg),
        };
    }

    private static string Bad(char verb, object? arg) => $"%!{verb}({GoValues.TypeName(arg)}={GoValues.Print(arg)})";

    private static string Pad(string text, Spec spec)
    {
        if (spec.Width is not { } width) return text;
        var length = text.EnumerateRunes().Count();
        if (length >= width) return text;
        var padding = new string(' ', width - length);
        return spec.Minus ? text + padding : text.StartsWith('0') && spec.Zero ? text : padding + text;
    }
}
