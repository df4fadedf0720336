using System.Globalization;
using System.Text.Json;

namespace AirisEpm.WebConsole.Dashboards.Grafana;

/// <summary>
/// Tolerant reads of Grafana's JSON: a field of the wrong kind reads as absent, never as an exception, because
/// dashboards in the wild carry every shape Grafana ever wrote (numbers as strings, heights as "250px").
/// </summary>
internal static class GrafanaJson
{
    public static JsonElement? Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value : null;

    public static string? String(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static JsonElement? Object(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static JsonElement? Array(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Array } value ? value : null;

    public static bool Bool(this JsonElement element, string name) =>
        element.Property(name) is { } value && (value.ValueKind == JsonValueKind.True
            || (value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase)));

    /// <summary>A finite number, or a string holding one (optionally ending in "px", as old row heights do).</summary>
    public static double? Number(this JsonElement element, string name) =>
        element.Property(name) is { } value ? AsNumber(value) : null;

    public static double? AsNumber(JsonElement value)
    {
        var number = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString()!.Trim().Replace("px", "", StringComparison.Ordinal),
                NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => double.NaN,
        };
        return double.IsFinite(number) ? number : null;
    }

    /// <summary>A number rounded to an int and clamped to <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static int? Int(this JsonElement element, string name, int min = int.MinValue, int max = int.MaxValue) =>
        element.Number(name) is { } number ? (int)Math.Clamp(Math.Round(number), min, max) : null;

    public static IEnumerable<(int Index, JsonElement Item)> Items(this JsonElement? array) =>
        array is { ValueKind: JsonValueKind.Array } items ? items.EnumerateArray().Select((item, index) => (index, item)) : [];

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
