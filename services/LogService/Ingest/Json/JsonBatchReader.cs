using System.Text.Json;
using AirisEpm.LogService.Domain;
using AirisEpm.Protocols.Ingest;

namespace AirisEpm.LogService.Ingest.Json;

/// <summary>The body of <c>POST /api/v1/logs</c>: a JSON array of records, or NDJSON (one record per line).</summary>
public static class JsonBatchReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    public static List<LogRecord> Read(ReadOnlyMemory<byte> body, long receivedNs, IngestProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var records = new List<LogRecord>();
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            problems.Add("body", "not valid UTF-8");
            return records;
        }

        var span = body.Span.TrimStart(" \t\r\n"u8);
        if (span.IsEmpty)
        {
            problems.Add("body", "no records");
            return records;
        }

        if (span[0] == (byte)'[') ReadArray(body, receivedNs, problems, records);
        else ReadLines(body, receivedNs, problems, records);
        return records;
    }

    private static void ReadArray(ReadOnlyMemory<byte> body, long receivedNs, IngestProblems problems, List<LogRecord> records)
    {
        try
        {
            using var document = JsonDocument.Parse(body, Options);
            var i = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (JsonRecordReader.Read(element, $"[{i++}]", receivedNs, problems) is { } record) records.Add(record);
            }
        }
        catch (JsonException e)
        {
            problems.Add("body", $"not a valid JSON array: {e.Message}");
        }
    }

    private static void ReadLines(ReadOnlyMemory<byte> body, long receivedNs, IngestProblems problems, List<LogRecord> records)
    {
        var rest = body;
        var index = 0;
        while (!rest.IsEmpty)
        {
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            if (line.Span.Trim(" \t\r"u8).IsEmpty) continue;
            var path = $"[{index++}]";
            try
            {
                using var document = JsonDocument.Parse(line, Options);
                if (JsonRecordReader.Read(document.RootElement, path, receivedNs, problems) is { } record) records.Add(record);
            }
            catch (JsonException e)
            {
                problems.Add(path, $"not a valid JSON object: {e.Message}");
            }
        }
    }
}
