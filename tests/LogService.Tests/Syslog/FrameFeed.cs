using System.Buffers;
using System.Text;
using AirisEpm.LogService.Syslog;

namespace AirisEpm.LogService.Tests.Syslog;

/// <summary>
/// Feeds a byte stream to <see cref="SyslogFrameReader"/> in chunks as a pipe would: the unconsumed
/// rest of the previous reads and the new chunk are separate segments, so frames cross segment ends.
/// </summary>
internal static class FrameFeed
{
    public sealed record Decoded(string Text, SyslogFraming Framing, bool Truncated);

    public sealed record Result(List<Decoded> Frames, long? OversizedLength, int Calls);

    public static Result Decode(byte[] stream, IEnumerable<int> chunkEnds, int maxMessageBytes = 1024)
    {
        var frames = new List<Decoded>();
        var pending = Array.Empty<byte>();
        var start = 0;
        var calls = 0;
        foreach (var end in chunkEnds.Where(e => e > 0 && e < stream.Length).Order().Distinct().Append(stream.Length))
        {
            var chunk = stream[start..end];
            start = end;
            var completed = end == stream.Length;
            var buffer = Segments.Of(pending, chunk);
            while (true)
            {
                calls++;
                var status = SyslogFrameReader.TryRead(ref buffer, completed, maxMessageBytes, out var frame);
                if (status == FrameStatus.Oversized) return new Result(frames, frame.Length, calls);
                if (status == FrameStatus.Incomplete) break;
                frames.Add(new Decoded(Encoding.UTF8.GetString(frame.Payload), frame.Framing, frame.Truncated));
                if (calls > (stream.Length * 4) + 100) throw new InvalidOperationException("the reader does not progress");
            }
            pending = buffer.ToArray();
        }
        if (pending.Length > 0) throw new InvalidOperationException($"{pending.Length} bytes left unread after the stream completed");
        return new Result(frames, null, calls);
    }

    public static Result Decode(string stream, IEnumerable<int> chunkEnds, int maxMessageBytes = 1024) =>
        Decode(Encoding.UTF8.GetBytes(stream), chunkEnds, maxMessageBytes);

    public static Result Whole(string stream, int maxMessageBytes = 1024) => Decode(stream, [], maxMessageBytes);

    /// <summary>A sequence made of the given arrays, each its own segment (empty ones left out).</summary>
    private sealed class Segments : ReadOnlySequenceSegment<byte>
    {
        private Segments(byte[] bytes, long runningIndex)
        {
            Memory = bytes;
            RunningIndex = runningIndex;
        }

        public static ReadOnlySequence<byte> Of(params byte[][] parts)
        {
            var nonEmpty = parts.Where(p => p.Length > 0).ToList();
            if (nonEmpty.Count == 0) return ReadOnlySequence<byte>.Empty;
            var first = new Segments(nonEmpty[0], 0);
            var last = first;
            foreach (var part in nonEmpty.Skip(1))
            {
                var next = new Segments(part, last.RunningIndex + last.Memory.Length);
                last.Next = next;
                last = next;
            }
            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }
    }
}
