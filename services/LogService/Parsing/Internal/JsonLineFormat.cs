using System.Buffers;
using System.Text;
using System.Text.Json;

namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>
/// One JSON object per line (NDJSON, Serilog CLEF, ECS, pino/bunyan, zap, Docker json-file).
/// Well-known keys become the draft's properties (<see cref="WellKnownKeys"/>); every other key is a
/// field, nested objects flattened to dotted names down to <see cref="ParserLimits.MaxFlattenDepth"/>
/// and arrays (and deeper objects) kept as their JSON text; numbers and booleans keep their JSON
/// spelling; nulls are dropped. Anything that is not exactly one valid object within
/// <see cref="ParserLimits.MaxJsonDepth"/> is not JSON to us and falls through to the other formats.
/// </summary>
internal static class JsonLineFormat
{
    public static LogDraft? TryParse(string line, ReadOnlySpan<char> json, ParserLimits limits)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            // Encoding.UTF8 replaces lone surrogates with U+FFFD, so transcoding cannot throw.
            var length = Encoding.UTF8.GetBytes(json, buffer);
            var utf8 = buffer.AsSpan(0, length);
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = limits.MaxJsonDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            var builder = new DraftBuilder(LineFormat.Json, limits);
            var keys = new StructuredKeys(builder);
            ReadObject(ref reader, utf8, prefix: null, depth: 1, keys, limits);
            // The reader throws on anything but whitespace after the root object.
            if (reader.Read()) return null;
            keys.Apply();
            return builder.Build(line);
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void ReadObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, string? prefix, int depth, StructuredKeys keys, ParserLimits limits)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = ReadString(ref reader);
            var key = prefix is null ? name : string.Concat(prefix, ".", name);
            if (!reader.Read()) return;
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    keys.Add(key, ReadString(ref reader));
                    break;
                case JsonTokenType.Number:
                    keys.Add(key, Encoding.UTF8.GetString(reader.ValueSpan));
                    break;
                case JsonTokenType.True:
                    keys.Add(key, "true");
                    break;
                case JsonTokenType.False:
                    keys.Add(key, "false");
                    break;
                case JsonTokenType.StartObject when depth < limits.MaxFlattenDepth:
                    ReadObject(ref reader, utf8, key, depth + 1, keys, limits);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    keys.Add(key, Encoding.UTF8.GetString(utf8[start..(int)reader.BytesConsumed]));
                    break;
            }
        }
    }

    /// <summary>A string token, or its raw escaped text when it escapes a lone surrogate (which .NET refuses to unescape).</summary>
    private static string ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }
}
