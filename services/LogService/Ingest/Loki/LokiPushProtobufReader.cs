using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Ingest.Loki.Proto;
using AirisEpm.Protocols.Ingest;
using AirisEpm.Protocols;
using Google.Protobuf;

namespace AirisEpm.LogService.Ingest.Loki;

/// <summary>Loki's protobuf push body (already snappy-decompressed): a <c>logproto.PushRequest</c>.</summary>
public static class LokiPushProtobufReader
{
    /// <summary>Unix nanoseconds fit a long until April 2262.</summary>
    private const long MaxSeconds = long.MaxValue / 1_000_000_000L;

    public static List<LogRecord> Read(ReadOnlySpan<byte> body, IngestProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        PushRequest request;
        try
        {
            request = PushRequest.Parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new MalformedPayloadException("Loki protobuf: " + e.Message);
        }

        var records = new List<LogRecord>();
        for (var s = 0; s < request.Streams.Count; s++)
        {
            var stream = request.Streams[s];
            var labels = LokiLabels.Parse(stream.Labels, out var problem);
            if (labels is null)
            {
                problems.Add($"streams[{s}].labels", problem!);
                continue;
            }

            var service = ServiceNames.From(labels);
            for (var e = 0; e < stream.Entries.Count; e++)
            {
                var entry = stream.Entries[e];
                if (entry.Timestamp is not { Seconds: >= 0 and < MaxSeconds, Nanos: >= 0 and < 1_000_000_000 } timestamp
                    || (timestamp.Seconds == 0 && timestamp.Nanos == 0))
                {
                    problems.Add($"streams[{s}].entries[{e}].timestamp", "every entry needs a timestamp between 1970 and 2262");
                    continue;
                }

                var ns = (timestamp.Seconds * 1_000_000_000L) + timestamp.Nanos;
                var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var pair in entry.StructuredMetadata)
                {
                    metadata[pair.Name] = pair.Value;
                }

                records.Add(LokiStreamEntry.ToRecord(ns, entry.Line, labels, service, metadata));
            }
        }

        return records;
    }
}
