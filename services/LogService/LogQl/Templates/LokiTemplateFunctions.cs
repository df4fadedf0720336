using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using AirisEpm.GoTemplates;
using AirisEpm.LogService.LogQl.Syntax;
using AirisEpm.PromQl.Engine.Functions;
using static AirisEpm.LogService.LogQl.Templates.TemplateArgs;

namespace AirisEpm.LogService.LogQl.Templates;

/// <summary>
/// The functions Loki adds to <c>line_format</c> and <c>label_format</c> templates (its <c>functionMap</c>, in
/// <c>pkg/logql/log/fmt.go</c>): Go's <c>strings</c> functions under their old names (<c>ToUpper</c>,
/// <c>Replace</c>, <c>TrimPrefix</c>…), Go-regex replacing and counting, URL escaping, reading sizes and
/// durations, Unix times, padding and base64. <c>__line__</c> and <c>__timestamp__</c> are bound per template
/// (<see cref="LogQlTemplate"/>); sprig's functions are in <see cref="SprigFunctions"/>.
/// </summary>
internal static class LokiTemplateFunctions
{
    public static readonly IReadOnlyDictionary<string, GoFunction> All = new Dictionary<string, GoFunction>(StringComparer.Ordinal)
    {
        ["ToLower"] = a => Str(Exactly(a, 1, "ToLower")[0]).ToLowerInvariant(),
        ["ToUpper"] = a => Str(Exactly(a, 1, "ToUpper")[0]).ToUpperInvariant(),
        ["Replace"] = a => Replace(Str(Exactly(a, 4, "Replace")[0]), Str(a[1]), Str(a[2]), Int(a[3])),
        ["Trim"] = a => Str(Exactly(a, 2, "Trim")[0]).Trim(Str(a[1]).ToCharArray()),
        ["TrimLeft"] = a => Str(Exactly(a, 2, "TrimLeft")[0]).TrimStart(Str(a[1]).ToCharArray()),
        ["TrimRight"] = a => Str(Exactly(a, 2, "TrimRight")[0]).TrimEnd(Str(a[1]).ToCharArray()),
        ["TrimPrefix"] = a => TemplateStrings.TrimPrefix(Str(Exactly(a, 2, "TrimPrefix")[0]), Str(a[1])),
        ["TrimSuffix"] = a => TemplateStrings.TrimSuffix(Str(Exactly(a, 2, "TrimSuffix")[0]), Str(a[1])),
        ["TrimSpace"] = a => Str(Exactly(a, 1, "TrimSpace")[0]).Trim(),
        ["regexReplaceAll"] = a => Regex(Str(Exactly(a, 3, "regexReplaceAll")[0])).ReplaceAll(Str(a[1]), Str(a[2])),
        ["regexReplaceAllLiteral"] = a => Regex(Str(Exactly(a, 3, "regexReplaceAllLiteral")[0])).ReplaceAllLiteral(Str(a[1]), Str(a[2])),
        ["count"] = a => (long)Regex(Str(Exactly(a, 2, "count")[0])).CountMatches(Str(a[1])),
        ["urldecode"] = a => QueryUnescape(Str(Exactly(a, 1, "urldecode")[0])),
        ["urlencode"] = a => QueryEscape(Str(Exactly(a, 1, "urlencode")[0])),
        ["bytes"] = a => ByteSize.TryParseValue(Str(Exactly(a, 1, "bytes")[0]), out var bytes)
            ? Math.Floor(bytes) : throw new GoTemplateException($"unhandled size: {a[0]}"),
        ["duration"] = a => Seconds(Str(Exactly(a, 1, "duration")[0])),
        ["duration_seconds"] = a => Seconds(Str(Exactly(a, 1, "duration_seconds")[0])),
        ["unixEpochMillis"] = a => Number(Time(Exactly(a, 1, "unixEpochMillis")[0]).ToUnixTimeMilliseconds()),
        ["unixEpochNanos"] = a => Number(UnixNanos(Time(Exactly(a, 1, "unixEpochNanos")[0]))),
        ["toDateInZone"] = a => ToDateInZone(Str(Exactly(a, 3, "toDateInZone")[0]), Str(a[1]), Str(a[2])),
        ["unixToTime"] = a => UnixToTime(Str(Exactly(a, 1, "unixToTime")[0])),
        ["alignLeft"] = a => Align(Int(Exactly(a, 2, "alignLeft")[0]), Str(a[1]), left: true),
        ["alignRight"] = a => Align(Int(Exactly(a, 2, "alignRight")[0]), Str(a[1]), left: false),
        ["b64dec"] = a => Base64Decode(Str(Exactly(a, 1, "b64dec")[0])),
    };

    /// <summary>Go's <c>strings.Replace</c>: the first <paramref name="n"/> occurrences (all when negative); an empty <paramref name="old"/> inserts between runes.</summary>
    private static string Replace(string s, string old, string replacement, long n)
    {
        if (n == 0 || old == replacement) return s;
        var count = Occurrences(s, old);
        if (n >= 0) count = Math.Min(count, n);
        CheckLength(s.Length + (count * (replacement.Length - old.Length)), "Replace");
        if (old.Length == 0)
        {
            var runes = s.EnumerateRunes().Select(r => r.ToString()).ToList();
            var sb = new StringBuilder();
            var inserted = 0L;
            for (var i = 0; i <= runes.Count; i++)
            {
                if (n < 0 || inserted < n)
                {
                    sb.Append(replacement);
                    inserted++;
                }

                if (i < runes.Count) sb.Append(runes[i]);
            }

            return sb.ToString();
        }

        var result = new StringBuilder();
        var start = 0;
        var done = 0L;
        while (n < 0 || done < n)
        {
            var at = s.IndexOf(old, start, StringComparison.Ordinal);
            if (at < 0) break;
            result.Append(s, start, at - start).Append(replacement);
            start = at + old.Length;
            done++;
        }

        return result.Append(s, start, s.Length - start).ToString();
    }

    /// <summary>A template's regex, compiled once: templates run per line and usually with a constant pattern (kept up to <see cref="MaxCachedRegexes"/>).</summary>
    private static GoRegexTemplate Regex(string pattern)
    {
        if (!Regexes.TryGetValue(pattern, out var regex))
        {
            regex = pattern.Length <= LogQlRegex.MaxPatternLength ? GoRegexTemplate.TryCompileUnanchored(pattern) : null;
            if (Regexes.Count >= MaxCachedRegexes) Regexes.Clear();
            Regexes[pattern] = regex;
        }

        return regex ?? throw new GoTemplateException($"error parsing regexp: invalid or unsupported pattern {GoQuote.Quote(pattern)}");
    }

    private const int MaxCachedRegexes = 256;

    private static readonly ConcurrentDictionary<string, GoRegexTemplate?> Regexes = new(StringComparer.Ordinal);

    private static double Seconds(string text) =>
        GoDuration.TryParse(text, out var ns, out var error) ? ns / 1e9 : throw new GoTemplateException(error);

    private static long UnixNanos(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    /// <summary>Go's <c>url.QueryUnescape</c>: <c>+</c> is a space, <c>%XX</c> a byte; a malformed escape is an error.</summary>
    private static string QueryUnescape(string s)
    {
        var bytes = new List<byte>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '+':
                    bytes.Add((byte)' ');
                    break;
                case '%':
                    if (i + 2 >= s.Length || !Uri.IsHexDigit(s[i + 1]) || !Uri.IsHexDigit(s[i + 2]))
                    {
                        var bad = s.Substring(i, Math.Min(3, s.Length - i));
                        throw new GoTemplateException($"invalid URL escape {GoQuote.Quote(bad)}");
                    }

                    bytes.Add(byte.Parse(s.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                default:
                    bytes.AddRange(Encoding.UTF8.GetBytes(s[i].ToString()));
                    break;
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>Go's <c>url.QueryEscape</c>: letters, digits and <c>-_.~</c> kept, a space as <c>+</c>, every other byte <c>%XX</c>.</summary>
    private static string QueryEscape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') sb.Append(c);
            else if (c == ' ') sb.Append('+');
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static DateTimeOffset ToDateInZone(string layout, string zone, string text)
    {
        var offset = TimeSpan.Zero;
        try
        {
            offset = TimeZoneInfo.FindSystemTimeZoneById(zone).BaseUtcOffset;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            // As Loki: an unknown zone reads as UTC.
        }

        return GoTimeLayout.TryParse(layout, text, offset, out var time) ? time : DateTimeOffset.MinValue;
    }

    /// <summary>Loki's <c>unixToTime</c>: days (5 digits), seconds (10), ms (13), µs (16) or ns (19) since the epoch.</summary>
    private static DateTimeOffset UnixToTime(string epoch)
    {
        if (!long.TryParse(epoch, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            throw new GoTemplateException($"unable to parse time '{epoch}': strconv.ParseInt: parsing {GoQuote.Quote(epoch)}: invalid syntax");
        }

        var ticks = epoch.Length switch
        {
            5 => (Int128)n * TimeSpan.TicksPerDay,
            10 => (Int128)n * TimeSpan.TicksPerSecond,
            13 => (Int128)n * TimeSpan.TicksPerMillisecond,
            16 => (Int128)n * 10,
            19 => (Int128)(n / 100),
            _ => throw new GoTemplateException($"unable to parse time '{epoch}': %!w(<nil>)"),
        };
        var epochTicks = DateTimeOffset.UnixEpoch.UtcTicks;
        if (ticks < -epochTicks || ticks > DateTimeOffset.MaxValue.UtcTicks - epochTicks)
        {
            throw new GoTemplateException($"unable to parse time '{epoch}': outside the years 1 to 9999");
        }

        return DateTimeOffset.UnixEpoch.AddTicks((long)ticks);
    }

    private static string Align(long count, string source, bool left)
    {
        var runes = source.EnumerateRunes().Select(r => r.ToString()).ToList();
        if (count < 0 || count == runes.Count) return source;
        var pad = count - runes.Count;
        if (pad > 1 << 20) throw new GoTemplateException($"padding to {count} characters is more than a line holds");
        if (pad > 0) return left ? source + new string(' ', (int)pad) : new string(' ', (int)pad) + source;
        return left ? string.Concat(runes.Take((int)count)) : string.Concat(runes.Skip(runes.Count - (int)count));
    }

    /// <summary>Loki's <c>b64dec</c>: padding added where missing; undecodable text gives Go's error text as the value.</summary>
    private static string Base64Decode(string value)
    {
        var remainder = value.Length % 4;
        if (remainder is not 0 and not 1) value += new string('=', 4 - remainder);
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value));
        }
        catch (FormatException)
        {
            var at = value.TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/').Count();
            return $"illegal base64 data at input byte {at}";
        }
    }
}
