using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AirisEpm.MetricsService.Ingest;

/// <summary>A sample timestamp: epoch milliseconds (a JSON integer) or an RFC 3339 string; absent (or null) when left out.</summary>
public readonly record struct FlexibleTimestamp(long Milliseconds, bool IsPresent, bool IsValid);

public sealed class FlexibleTimestampConverter : JsonConverter<FlexibleTimestamp>
{
    public override FlexibleTimestamp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var ms) ? new(ms, true, true) : new(0, true, false);
            case JsonTokenType.String:
                var text = reader.GetString();
                return text is not null && text.Contains('T', StringComparison.Ordinal)
                       && DateTimeOffset.TryParseExact(text, Rfc3339Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time)
                    ? new(time.ToUnixTimeMilliseconds(), true, true)
                    : new(0, true, false);
            default:
                // Skip throws on a partial buffer (request bodies read from a PipeReader); a converter is handed
                // its whole value, so TrySkip always succeeds here.
                var present = reader.TokenType != JsonTokenType.Null;
                _ = reader.TrySkip();
                return new(0, present, false);
        }
    }

    public override void Write(Utf8JsonWriter writer, FlexibleTimestamp value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Milliseconds);

    private static readonly string[] Rfc3339Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];
}
