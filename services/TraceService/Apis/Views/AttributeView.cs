using System.Globalization;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Apis.Views;

/// <summary>
/// An attribute with its type: <c>string</c>, <c>bool</c>, <c>int</c>, <c>double</c> or <c>bytes</c> (base64), and the value as
/// that JSON type (a number for int and double, true/false for bool; an int beyond ±2^53 is exact in JSON but not in JavaScript).
/// </summary>
public sealed record AttributeView(string Type, object Value)
{
    public static AttributeView Of(AttributeValue value) => value.Type switch
    {
        AttributeType.Bool => new AttributeView("bool", value.Text == "true"),
        AttributeType.Int when long.TryParse(value.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => new AttributeView("int", i),
        AttributeType.Double when double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) =>
            new AttributeView("double", d),
        // NaN and infinities have no JSON number: their text is kept, as a double still.
        AttributeType.Double => new AttributeView("double", value.Text),
        AttributeType.Bytes => new AttributeView("bytes", value.Text),
        _ => new AttributeView("string", value.Text),
    };

    public static SortedDictionary<string, AttributeView> Map(IReadOnlyDictionary<string, AttributeValue> attributes)
    {
        var map = new SortedDictionary<string, AttributeView>(StringComparer.Ordinal);
        foreach (var (key, value) in attributes) map[key] = Of(value);
        return map;
    }
}
