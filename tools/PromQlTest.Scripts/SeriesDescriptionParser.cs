using System.Globalization;
using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;
using AirisEpm.PromQl.Parser;

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

    /// <summary>
    /// Reads the metric at the start of <paramref name="text"/> with the PromQL parser's selector grammar (only
    /// <c>=</c> matchers, each label once); <paramref name="position"/> ends past it.
    /// </summary>
    public static LabelSet ParseMetric(string text, ref int position)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = position;
        while (position < text.Length && IsNameChar(text[position]))
        {
            position++;
        }

        if (position < text.Length && text[position] == '{')
        {
            position = ClosingBrace(text, position) + 1;
        }

        if (position == start)
        {
            throw new FormatException(position < text.Length
                ? $"unexpected '{text[position]}' at column {position + 1}: expected a metric name or '{{'"
                : "expected a metric name or '{'");
        }

        if (position < text.Length && !char.IsWhiteSpace(text[position]))
        {
            throw new FormatException($"unexpected '{text[position]}' at column {position + 1} after the metric");
        }

        IReadOnlyList<Matcher> matchers;
        try
        {
            matchers = PromQlParser.ParseMetricSelector(text[start..position]);
        }
        catch (PromQlException ex)
        {
            throw new FormatException(ex.Message, ex);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var matcher in matchers)
        {
            if (matcher.Op != MatchOp.Equal)
            {
                throw new FormatException($"only = is allowed in a series description, not {matcher}");
            }

            if (!seen.Add(matcher.Name))
            {
                throw new FormatException(matcher.Name == LabelSet.MetricName ? "the metric name is given twice" : $"label \"{matcher.Name}\" is given twice");
            }
        }

        return LabelSet.From(matchers.Select(m => new Label(m.Name, m.Value)));
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

    /// <summary>The index of the '}' closing the '{' at <paramref name="open"/>, skipping quoted strings.</summary>
    private static int ClosingBrace(string text, int open)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '}')
            {
                return i;
            }

            if (text[i] is '"' or '\'' or '`')
            {
                var end = i;
                QuotedString.Read(text, ref end);
                i = end - 1;
            }
        }

        throw new FormatException("unterminated label set: expected '}'");
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

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or ':';
}
