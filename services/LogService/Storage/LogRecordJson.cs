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

    /// <summary>The JSON array of records already serialised one by one (what <see cref="SerializeBatch"/> would give).</summary>
    public static byte[] ArrayOf(IReadOnlyList<byte[]> serialized)
    {
        var array = new byte[2 + serialized.Sum(s => s.Length) + Math.Max(0, serialized.Count - 1)];
        array[0] = (byte)'[';
        var at = 1;
        for (var i = 0; i < serialized.Count; i++)
        {
            if (i > 0)
            {
                array[at++] = (byte)',';
            }

            serialized[i].CopyTo(array, at);
            at += serialized[i].Length;
        }

        array[at] = (byte)']';
        return array;
    }

    public static LogRecord Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, LogRecordJsonContext.Default.LogRecord) ?? throw new JsonException("A stored record is null.");

    public static IReadOnlyList<LogRecord> DeserializeBatch(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, LogRecordJsonContext.Default.IReadOnlyListLogRecord) ?? [];
}

[JsonSerializable(typeof(LogRecord))]
[JsonSerializable(typeof(IReadOnlyList<LogRecord>))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class LogRecordJsonContext : JsonSerializerContext;
