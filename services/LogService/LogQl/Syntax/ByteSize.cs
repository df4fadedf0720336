using System.Globalization;

namespace AirisEpm.LogService.LogQl.Syntax;

/// <summary>
/// Sizes as LogQL writes them in label filters (<c>| size > 20kb</c>) and as label values hold them
/// (<c>1.5 MiB</c>): a number and a unit, decimal (<c>kb mb gb tb pb eb</c>, powers of 1000) or binary
/// (<c>kib mib gib tib pib eib</c>, powers of 1024), any case, <c>b</c> for bytes. Go's
/// <c>humanize.ParseBytes</c>, which Loki uses, reads the same; it also takes the bare prefixes
/// (<c>k</c>, <c>mi</c>) in label values, as does <see cref="TryParseValue"/>.
/// </summary>
public static class ByteSize
{
    private static readonly Dictionary<string, double> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["b"] = 1, ["kb"] = 1e3, ["mb"] = 1e6, ["gb"] = 1e9, ["tb"] = 1e12, ["pb"] = 1e15, ["eb"] = 1e18,
        ["kib"] = 1024d, ["mib"] = Math.Pow(1024, 2), ["gib"] = Math.Pow(1024, 3), ["tib"] = Math.Pow(1024, 4),
        ["pib"] = Math.Pow(1024, 5), ["eib"] = Math.Pow(1024, 6),
    };

    private static readonly Dictionary<string, double> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = 1, ["k"] = 1e3, ["m"] = 1e6, ["g"] = 1e9, ["t"] = 1e12, ["p"] = 1e15, ["e"] = 1e18,
        ["ki"] = 1024d, ["mi"] = Math.Pow(1024, 2), ["gi"] = Math.Pow(1024, 3), ["ti"] = Math.Pow(1024, 4),
        ["pi"] = Math.Pow(1024, 5), ["ei"] = Math.Pow(1024, 6),
    };

    /// <summary>A size literal in a query: a number directly followed by one of the units (so <c>5m</c> stays a duration).</summary>
    public static bool TryParseLiteral(ReadOnlySpan<char> text, out double bytes) => TryParse(text, Units, out bytes);

    /// <summary>A size in a label value: a number, optional spaces, and a unit or a bare prefix.</summary>
    public static bool TryParseValue(ReadOnlySpan<char> text, out double bytes) =>
        TryParse(text.Trim(), Units, out bytes) || TryParse(text.Trim(), Prefixes, out bytes);

    /// <summary>The canonical text of a size: the number of bytes in plain digits (<c>20000B</c>).</summary>
    public static string Format(double bytes) => PlainNumber.Format(bytes) + "B";

    private static bool TryParse(ReadOnlySpan<char> text, Dictionary<string, double> units, out double bytes)
    {
        bytes = 0;
        var i = 0;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        if (i == 0 || !double.TryParse(text[..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        var unit = text[i..].TrimStart();
        if (!units.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(unit, out var scale))
        {
            return false;
        }

        bytes = amount * scale;
        return true;
    }
}
