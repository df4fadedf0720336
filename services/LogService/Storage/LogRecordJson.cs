using System.Text.Json;
using System.Text.Json.Serialization;
using AirisEpm.LogService.Domain;
using AirisEpm.Protocols;

namespace AirisEpm.LogService.Storage;

/// <summary>The JSON form of records kept by the stores (the Lucene stored source and write-ahead log payloads).</summary>
public static class LogRecordJson
{
    public static byte[] Serialize(LogRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, LogRecordJsonContext.Default.LogRecord);

    public static byte[] SerializeBatch(IReadOnlyList<LogRecord> records) =>
        JsonSerializer.SerializeToUtf8Bytes(records, LogRecordJsonContext.Default.IReadOnlyListLogRecord);

    /// <summary>
    /// The JSON array of records already serialised one by one (what <see cref="SerializeBatch"/> would give), in a pooled
    /// buffer: a batch's array is hundreds of kilobytes, and a fresh one per append would be a large-object allocation,
    /// each few of which cost a full collection.
    /// </summary>
    public static PooledBuffer ArrayOf(IReadOnlyList<byte[]> serialized)
    {
        var length = 2 + serialized.Sum(s => s.Length) + Math.Max(0, serialized.Count - 1);
        var buffer = new PooledBuffer(length);
        var array = buffer.GetSpan(length);
        array[0] = (byte)'[';
        var at = 1;
        for (var i = 0; i < serialized.Count; i++)
        {
            if (i > 0)
            {
                array[at++] = (byte)',';
            }

            serialized[i].CopyTo(array[at..]);
            at += serialized[i].Length;
        }

        array[at] = (byte)']';
        buffer.Advance(length);
        return buffer;
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
