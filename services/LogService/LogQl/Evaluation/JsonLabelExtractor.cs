using System.Buffers;
using System.Text;
using System.Text.Json;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// <c>| json</c>, as Loki's JSON parser: every string, number and boolean of an object line becomes a
/// label (numbers as written, booleans as <c>true</c>/<c>false</c>), nested objects flatten with
/// <c>_</c>, arrays and nulls are skipped. A line that is not a JSON object keeps the labels read so
/// far and gets <c>__error__="JSONParserErr"</c>. One pass over the line with <see cref="Utf8JsonReader"/>.
/// </summary>
public static class JsonLabelExtractor
{
    public const string ErrorName = "JSONParserErr";

    /// <param name="line">The line.</param>
    /// <param name="labels">The line's labels, which get the extracted ones.</param>
    /// <param name="paths">When given, each extracted label's JSON path (its keys as written, outermost first), as Loki's <c>SetJSONPath</c>.</param>
    public static void Extract(string line, LineLabels labels, IDictionary<string, IReadOnlyList<string>>? paths = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(labels);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(line.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(line, buffer);
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length), new JsonReaderOptions { MaxDepth = 64 });
            if (!line.AsSpan().TrimStart().StartsWith("{") || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                labels.SetError(ErrorName, "the line is not a JSON object");
                return;
            }

            ReadObject(ref reader, new StringBuilder(), labels, paths is null ? null : new Path(paths, []));
        }
        catch (JsonException)
        {
            labels.SetError(ErrorName, "the line is not valid JSON");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void ReadObject(ref Utf8JsonReader reader, StringBuilder prefix, LineLabels labels, Path? path)
    {
        var prefixLength = prefix.Length;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            prefix.Length = prefixLength;
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    Set(prefix, key, reader.GetString()!, labels, path);
                    break;
                case JsonTokenType.Number:
                    Set(prefix, key, Encoding.UTF8.GetString(reader.ValueSpan), labels, path);
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    Set(prefix, key, reader.TokenType == JsonTokenType.True ? "true" : "false", labels, path);
                    break;
                case JsonTokenType.StartObject:
                    ExtractedLabelNames.Append(prefix, key);
                    path?.Keys.Add(key);
                    ReadObject(ref reader, prefix, labels, path);
                    path?.Keys.RemoveAt(path.Keys.Count - 1);
                    break;
                case JsonTokenType.StartArray:
                    reader.Skip();
                    break;
            }
        }

        prefix.Length = prefixLength;
        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("the JSON object is not closed");
        }
    }

    private static void Set(StringBuilder prefix, string key, string value, LineLabels labels, Path? path)
    {
        var length = prefix.Length;
        ExtractedLabelNames.Append(prefix, key);
        if (prefix.Length > length)
        {
            var name = labels.SetExtracted(prefix.ToString(), value);
            if (path is not null) path.Found[name] = [.. path.Keys, key];
        }

        prefix.Length = length;
    }

    /// <summary>The keys of the objects being read, and where the paths of the labels found go.</summary>
    private sealed record Path(IDictionary<string, IReadOnlyList<string>> Found, List<string> Keys);
}
