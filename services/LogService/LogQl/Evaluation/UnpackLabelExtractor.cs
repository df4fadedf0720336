using System.Text.Json;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// <c>| unpack</c>, as Loki's unpack parser: a JSON object line written by Promtail's <c>pack</c> stage. When
/// it has the <c>_entry</c> string, that string becomes the line and every other string field a label
/// (names sanitised, a clash with a stream label suffixed <c>_extracted</c>); without <c>_entry</c> the line
/// and labels stay as they are. A line that is not a JSON object keeps its labels and gets
/// <c>__error__="JSONParserErr"</c>.
/// </summary>
public static class UnpackLabelExtractor
{
    public const string PackedEntryKey = "_entry";

    /// <summary>The line after unpacking (the <c>_entry</c>, or the line itself).</summary>
    public static string Extract(string line, LineLabels labels)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(labels);
        if (line.Length == 0) return line;
        if (line[0] != '{')
        {
            labels.SetError(JsonLabelExtractor.ErrorName, "expecting json object(6), but it is not");
            return line;
        }

        string? entry = null;
        var found = new List<KeyValuePair<string, string>>();
        try
        {
            using var document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                labels.SetError(JsonLabelExtractor.ErrorName, "expecting json object(6), but it is not");
                return line;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String) continue;
                if (property.Name == PackedEntryKey) entry = property.Value.GetString();
                else found.Add(new(property.Name, property.Value.GetString()!));
            }
        }
        catch (JsonException e)
        {
            labels.SetError(JsonLabelExtractor.ErrorName, e.Message.Split('.')[0]);
            return line;
        }

        if (entry is null) return line;
        foreach (var (key, value) in found)
        {
            var name = ExtractedLabelNames.Sanitize(key);
            if (name.Length > 0) labels.SetExtracted(name, value);
        }

        return entry;
    }
}
