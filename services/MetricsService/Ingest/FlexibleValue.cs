using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AirisEpm.MetricsService.Ingest;

/// <summary>
/// A sample value: a JSON number, or — JSON having no NaN or infinity literals — one of the strings
/// "NaN", "+Inf", "-Inf", "Inf" (Prometheus's spellings) or a number in a string.
/// </summary>
public readonly record struct FlexibleValue(double Value, bool IsPresent, bool IsValid);

public sealed class FlexibleValueConverter : JsonConverter<FlexibleValue>
{
    public override FlexibleValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetDouble(out var number) ? new(number, true, true) : new(0, true, false);
            case JsonTokenType.String:
                return reader.GetString() switch
                {
                    "NaN" => new(double.NaN, true, true),
                    "+Inf" or "Inf" or "+Infinity" or "Infinity" => new(double.PositiveInfinity, true, true),
                    "-Inf" or "-Infinity" => new(double.NegativeInfinity, true, true),
                    var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) =>
                        new(parsed, true, true),
                    _ => new(0, true, false),
                };
            default:
                // Skip throws on a partial buffer (request bodies read from a PipeReader); a converter is handed
                // its whole value, so TrySkip always succeeds here.
                var present = reader.TokenType != JsonTokenType.Null;
                _ = reader.TrySkip();
                return new(0, present, false);
        }
    }

    public override void Write(Utf8JsonWriter writer, FlexibleValue value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Value);
}
