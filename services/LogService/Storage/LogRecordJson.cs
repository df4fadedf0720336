using System.Text.Json;
using System.Text.Json.Serialization;
using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Storage;

/// <summary>The JSON form of records kept by the stores (the Lucene stored source and write-ahead log payloads).</summary>
public static class LogRecordJson
{
    public static byte[] Serialize(LogRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, LogRecordJsonContext.Default.LogRecord);

    public static byte[] SerializeBatch(IReadOnlyList<LogRecord> records) =>
        JsonSerializer.SerializeToUtf8Bytes(records, LogRecordJsonContext.Default.IReadOnlyListLogRecord);

    public static LogRecord Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, LogRecordJsonContext.Default.LogRecord) ?? throw new JsonException("A stored record is null.");

    public static IReadOnlyList<LogRecord> DeserializeBatch(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, LogRecordJsonContext.Default.IReadOnlyListLogRecord) ?? [];
}

[JsonSerializable(typeof(LogRecord))]
[JsonSerializable(typeof(IReadOnlyList<LogRecord>))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class LogRecordJsonContext : JsonSerializerContext;
