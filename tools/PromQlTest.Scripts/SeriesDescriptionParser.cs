using System.Globalization;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQlTest.Scripts;

/// <summary>
/// Parses series descriptions as promqltest and <c>promtool test rules</c> read them: a metric
/// (<c>name</c>, <c>name{a="b"}</c>, <c>{a="b"}</c>, Prometheus 3's <c>{"dotted.name", "x.y"="z"}</c>) and
/// space-separated items, each expanding to one or more positions:
/// <list type="bullet">
/// <item><c>7</c>, <c>-2.5</c>, <c>1e3</c>, <c>Inf</c>, <c>-Inf</c>, <c>NaN</c>: one value; <c>stale</c>: the stale marker;</item>
/// <item><c>a+bxn</c> / <c>a-bxn</c>: n+1 values a, a±b, ... (accumulated as Prometheus does); <c>axn</c>: n+1 times a;</item>
/// <item><c>_</c>: no sample; <c>_xn</c>: n positions without a sample (n, not n+1).</item>
/// </list>
/// </summary>
public static class SeriesDescriptionParser
{
    /// <summary>A cap on one line's expansion, so a typo such as <c>0x99999999</c> is an error, not an out-of-memory crash.</summary>
    public const int MaxValues = 100_000;

    public static SeriesDescription Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim();
        var position = 0;
        var metric = ParseMetric(text, ref position);
        return new SeriesDescription(metric, ParseValues(text[position..]));
    }

    /// <summary>Reads the metric at the start of <paramref name="text"/>; <paramref name="position"/> ends past it.</summary>
    public static LabelSet ParseMetric(string text, ref int position)
    {
        ArgumentNullException.ThrowIfNull(text);
        var labels = new List<Label>();
        var start = position;
        if (position < text.Length && IsNameStart(text[position], colon: true))
        {
            while (position < text.Length && IsNameChar(text[position], colon: true))
            {
                position++;
            }

            labels.Add(new Label(LabelSet.MetricName, text[start..position]));
        }

        if (position < text.Length && text[position] == '{')
        {
            position++;
            ReadLabels(text, ref position, labels);
        }
        else if (labels.Count == 0)
        {
            throw new FormatException(position < text.Length
                ? $"unexpected '{text[position]}' at column {position + 1}: expected a metric name or '{{'"
                : "expected a metric name or '{'");
        }

        if (position < text.Length && !char.IsWhiteSpace(text[position]))
        {
            throw new FormatException($"unexpected '{text[position]}' at column {position + 1} after the metric");
        }

        return LabelSet.From(labels);
    }

    /// <summary>Expands the items of a series description.</summary>
    public static IReadOnlyList<SequenceValue> ParseValues(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new List<SequenceValue>();
        foreach (var item in text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            ParseItem(item, values);
            if (values.Count > MaxValues)
            {
                throw new FormatException($"a series description expands to more than {MaxValues} values");
            }
        }

        return values;
    }

    private static void ReadLabels(string text, ref int position, List<Label> labels)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (labels.Count == 1)
        {
            seen.Add(LabelSet.MetricName);
        }

        while (true)
        {
            SkipSpaces(text, ref position);
            if (position >= text.Length)
            {
                throw new FormatException("unterminated label set: expected '}'");
            }

            if (text[position] == '}')
            {
                position++;
                return;
            }

            var (name, quotedName) = ReadLabelName(text, ref position);
            SkipSpaces(text, ref position);
            string value;
            if (quotedName && (position >= text.Length || text[position] != '='))
            {
                // A lone quoted string is the metric name (Prometheus 3's {"name"}).
                value = name;
                name = LabelSet.MetricName;
            }
            else
            {
                if (position >= text.Length || text[position] != '=')
                {
                    throw new FormatException($"expected '=' after label name \"{name}\"");
                }

                position++;
                SkipSpaces(text, ref position);
                if (position >= text.Length || text[position] is not ('"' or '\'' or '`'))
                {
                    throw new FormatException($"expected a quoted value for label \"{name}\"");
                }

                value = QuotedString.Read(text, ref position);
            }

            if (!seen.Add(name))
            {
                throw new FormatException(name == LabelSet.MetricName ? "the metric name is given twice" : $"label \"{name}\" is given twice");
            }

            labels.Add(new Label(name, value));
            SkipSpaces(text, ref position);
            if (position < text.Length && text[position] == ',')
            {
                position++;
            }
            else if (position < text.Length && text[position] != '}')
            {
                throw new FormatException($"unexpected '{text[position]}' at column {position + 1} in the label set: expected ',' or '}}'");
            }
        }
    }

    private static (string Name, bool Quoted) ReadLabelName(string text, ref int position)
    {
        if (text[position] is '"' or '\'' or '`')
        {
            return (QuotedString.Read(text, ref position), true);
        }

        if (!IsNameStart(text[position], colon: false))
        {
            throw new FormatException($"unexpected '{text[position]}' at column {position + 1}: expected a label name");
        }

        var start = position;
        while (position < text.Length && IsNameChar(text[position], colon: false))
        {
            position++;
        }

        return (text[start..position], false);
    }

    private static void ParseItem(string item, List<SequenceValue> values)
    {
        if (item == "_")
        {
            values.Add(SequenceValue.Missing);
            return;
        }

        if (item.StartsWith("_x", StringComparison.Ordinal))
        {
            var blanks = ParseCount(item, item[2..]);
            values.AddRange(Enumerable.Repeat(SequenceValue.Missing, blanks));
            return;
        }

        if (item == "stale")
        {
            values.Add(SequenceValue.Of(StaleMarker.Value));
            return;
        }

        var position = 0;
        var value = ReadNumber(item, ref position, allowKeywords: true) ?? throw BadItem(item);
        if (position == item.Length)
        {
            values.Add(SequenceValue.Of(value));
            return;
        }

        var increment = 0.0;
        if (item[position] is '+' or '-')
        {
            increment = ReadNumber(item, ref position, allowKeywords: false) ?? throw BadItem(item);
        }

        if (position >= item.Length || item[position] != 'x')
        {
            throw BadItem(item);
        }

        var times = ParseCount(item, item[(position + 1)..]);
        for (var i = 0; i <= times; i++)
        {
            values.Add(SequenceValue.Of(value));
            value += increment;
        }
    }

    /// <summary>
    /// A signed decimal (<c>-1.5e3</c>, <c>.5</c>) or, when allowed, <c>Inf</c>/<c>NaN</c>; null when none starts at
    /// <paramref name="position"/>. Hexadecimal is not allowed: <c>0x5</c> means "0, six times".
    /// </summary>
    private static double? ReadNumber(string item, ref int position, bool allowKeywords)
    {
        var start = position;
        var i = position;
        if (i < item.Length && item[i] is '+' or '-')
        {
            i++;
        }

        if (allowKeywords)
        {
            var word = item[i..];
            if (word.Equals("Inf", StringComparison.OrdinalIgnoreCase) || word.Equals("NaN", StringComparison.OrdinalIgnoreCase))
            {
                position = item.Length;
                if (word.Equals("NaN", StringComparison.OrdinalIgnoreCase))
                {
                    return double.NaN;
                }

                return item[start] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            }
        }

        var digitsStart = i;
        while (i < item.Length && char.IsAsciiDigit(item[i]))
        {
            i++;
        }

        if (i < item.Length && item[i] == '.')
        {
            i++;
            while (i < item.Length && char.IsAsciiDigit(item[i]))
            {
                i++;
            }
        }

        if (i == digitsStart || (i == digitsStart + 1 && item[digitsStart] == '.'))
        {
            return null;
        }

        if (i < item.Length && item[i] is 'e' or 'E')
        {
            var exponent = i + 1;
            if (exponent < item.Length && item[exponent] is '+' or '-')
            {
                exponent++;
            }

            var exponentDigits = exponent;
            while (exponent < item.Length && char.IsAsciiDigit(item[exponent]))
            {
                exponent++;
            }

            if (exponent == exponentDigits)
            {
                return null;
            }

            i = exponent;
        }

        position = i;
        return double.Parse(item.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static int ParseCount(string item, string digits)
    {
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            throw new FormatException($"invalid repetition in series values \"{item}\": expected a whole number after 'x'");
        }

        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= MaxValues
            ? count
            : throw new FormatException($"a series description expands to more than {MaxValues} values");
    }

    private static FormatException BadItem(string item) =>
        new($"invalid series value \"{item}\": expected a number, \"stale\", \"_\", \"a+bxn\", \"a-bxn\", \"axn\" or \"_xn\"");

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private static bool IsNameStart(char c, bool colon) => char.IsAsciiLetter(c) || c == '_' || (colon && c == ':');

    private static bool IsNameChar(char c, bool colon) => IsNameStart(c, colon) || char.IsAsciiDigit(c);
}
