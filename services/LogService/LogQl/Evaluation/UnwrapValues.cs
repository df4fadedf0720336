using AirisEpm.GoTemplates;
using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.LogService.LogQl.Syntax;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// Reads a label's value as a number, as Loki's unwrap converters and numeric label filters do: a Go float (<c>strconv.ParseFloat</c>), a size
/// (<c>humanize.ParseBytes</c>, whole bytes) or a duration in seconds (<c>time.ParseDuration</c>). What does not
/// read gives Go's error text, which for an unwrap becomes the line's <c>__error_details__</c> beside <c>SampleExtractionErr</c>.
/// </summary>
public static class UnwrapValues
{
    public const string ErrorName = "SampleExtractionErr";

    public static bool TryConvert(string text, UnwrapConversion conversion, out double value, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = "";
        switch (conversion)
        {
            case UnwrapConversion.Bytes:
                if (ByteSize.TryParseValue(text, out value))
                {
                    value = Math.Floor(value);
                    return true;
                }

                error = char.IsAsciiDigit(text.FirstOrDefault()) || text.StartsWith('.')
                    ? $"unhandled size name: {text.TrimStart("0123456789.,".ToCharArray()).Trim().ToLowerInvariant()}"
                    : "strconv.ParseFloat: parsing \"\": invalid syntax";
                return false;
            case UnwrapConversion.Duration or UnwrapConversion.DurationSeconds:
                if (GoDuration.TryParse(text, out var ns, out error))
                {
                    value = ns / 1e9;
                    return true;
                }

                value = 0;
                return false;
            default:
                if (GoValues.GoParseFloat(text, out value)) return true;
                error = $"strconv.ParseFloat: parsing {GoQuote.Quote(text)}: invalid syntax";
                value = 0;
                return false;
        }
    }
}
