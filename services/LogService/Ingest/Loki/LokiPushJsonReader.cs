using System.Globalization;
using System.Text.Json;
using AirisEpm.LogService.Domain;
using AirisEpm.Protocols.Ingest;

namespace AirisEpm.LogService.Ingest.Loki;

/// <summary>
/// Loki's JSON push body: <c>{"streams":[{"stream":{"job":"api"},"values":[["&lt;unix ns&gt;","line",{"trace_id":"…"}]]}]}</c>.
/// Every problem is reported by its path; the caller rejects the batch when there is any.
/// </summary>
public static class LokiPushJsonReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    public static List<LogRecord> Read(ReadOnlyMemory<byte> body, IngestProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var records = new List<LogRecord>();
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            problems.Add("body", "not valid UTF-8");
            return records;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException e)
        {
            problems.Add("body", $"not valid JSON: {e.Message}");
            return records;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("streams", out var streams) || streams.ValueKind != JsonValueKind.Array)
            {
                problems.Add("streams", "the body must be an object with a \"streams\" array");
                return records;
            }

            var s = 0;
            foreach (var stream in streams.EnumerateArray())
            {
                ReadStream(stream, $"streams[{s++}]", records, problems);
            }
        }

        return records;
    }

    private static void ReadStream(JsonElement stream, string path, List<LogRecord> records, IngestProblems problems)
    {
        if (stream.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path, "a stream must be an object");
            return;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (stream.TryGetProperty("stream", out var labelObject))
        {
            if (!TryStrings(labelObject, labels))
            {
                problems.Add(path + ".stream", "stream labels must be an object of string values");
                return;
            }
        }

        if (!stream.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            problems.Add(path + ".values", "a stream needs a \"values\" array of [timestamp, line] entries");
            return;
        }

        var service = ServiceNames.From(labels);
        var v = 0;
        foreach (var entry in values.EnumerateArray())
        {
            var at = $"{path}.values[{v++}]";
            if (entry.ValueKind != JsonValueKind.Array || entry.GetArrayLength() is < 2 or > 3)
            {
                problems.Add(at, "an entry is [\"<unix ns>\", \"line\"] or [\"<unix ns>\", \"line\", {structured metadata}]");
                continue;
            }

            var timestamp = entry[0];
            if (timestamp.ValueKind != JsonValueKind.String
                || !long.TryParse(timestamp.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var ns) || ns <= 0)
            {
                problems.Add(at + "[0]", "the timestamp must be a string of Unix nanoseconds");
                continue;
            }

            if (entry[1].ValueKind != JsonValueKind.String)
            {
                problems.Add(at + "[1]", "the line must be a string");
                continue;
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            if (entry.GetArrayLength() == 3 && !TryStrings(entry[2], metadata))
            {
                problems.Add(at + "[2]", "structured metadata must be an object of string values");
                continue;
            }

            records.Add(LokiStreamEntry.ToRecord(ns, entry[1].GetString()!, labels, service, metadata));
        }
    }

    private static bool TryStrings(JsonElement element, Dictionary<string, string> into)
    {
        if (element.ValueKind != JsonValueKind.Object) return false;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String) return false;
            into[property.Name] = property.Value.GetString()!;
        }

        return true;
    }
}
