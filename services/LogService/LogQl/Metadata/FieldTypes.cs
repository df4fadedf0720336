using System.Globalization;
using AirisEpm.GoTemplates;
using AirisEpm.LogService.LogQl.Syntax;

namespace AirisEpm.LogService.LogQl.Metadata;

/// <summary>
/// The type Loki's <c>detected_fields</c> infers from a value (<c>determineType</c>), trying in order Go's
/// <c>ParseInt</c> (base 10), <c>ParseFloat</c>, <c>ParseBool</c>, <c>time.ParseDuration</c> and humanize's
/// <c>ParseBytes</c>; anything else is a string. So <c>1</c> is an int, <c>1.5</c> and <c>NaN</c> floats,
/// <c>true</c> a boolean, <c>250ms</c> a duration, <c>1.5 KiB</c> bytes.
/// </summary>
public static class FieldTypes
{
    public const string Text = "string";
    public const string WholeNumber = "int";
    public const string FloatingPoint = "float";
    public const string Boolean = "boolean";
    public const string Duration = "duration";
    public const string Bytes = "bytes";

    private static readonly HashSet<string> Booleans = new(StringComparer.Ordinal) { "1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False" };

    public static string Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsInteger(value)) return WholeNumber;
        if (GoValues.GoParseFloat(value, out _)) return FloatingPoint;
        if (Booleans.Contains(value)) return Boolean;
        if (GoDuration.TryParse(value, out _, out _)) return Duration;
        return IsBytes(value) ? Bytes : Text;
    }

    /// <summary>humanize's <c>ParseBytes</c>: digits (commas allowed), then optional spaces and a unit or a bare SI/IEC prefix.</summary>
    public static bool IsBytes(string value) => ByteSize.TryParseValue(value.Replace(",", "", StringComparison.Ordinal), out _) && value.Length > 0 && char.IsAsciiDigit(value[0]);

    private static bool IsInteger(string value)
    {
        var digits = value.Length > 0 && value[0] is '+' or '-' ? value.AsSpan(1) : value.AsSpan();
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }

        return !digits.IsEmpty && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
    }
}
