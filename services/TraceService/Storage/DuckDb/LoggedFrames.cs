using AirisEpm.ServiceDefaults.WriteAhead;
using Microsoft.Win32.SafeHandles;

namespace AirisEpm.TraceService.Storage.DuckDb;

/// <summary>
/// The payloads of a batch of logged frames, read back from the write-ahead log's files when the batch is applied, so
/// that no frame stays in memory from its append to its apply: with two batches waiting (the log's capacity) that was
/// about 100 MB of arrays on the large-object heap, and the pool that lent them kept as much once they came back
/// (bench/TraceIngest.Benchmarks/README.md). The file is still in the page cache then, and a segment is only deleted
/// once all its frames are applied. One buffer holds the batch, reused from batch to batch while a backlog lasts.
/// Used by the applier alone.
/// </summary>
internal sealed class LoggedFrames
{
    private byte[] _buffer = [];

    /// <summary>
    /// The payloads of <paramref name="frames"/>, in order, valid until the next call; a frame whose bytes are not the
    /// frame that was appended there (the disk changed them) is told to <paramref name="unreadable"/> and left out.
    /// </summary>
    public List<ReadOnlyMemory<byte>> Read(IReadOnlyList<WalPosition> frames, Action<WalPosition, InvalidDataException> unreadable)
    {
        var total = frames.Sum(f => (long)f.FrameLength);
        if (_buffer.Length < total)
        {
            _buffer = new byte[checked((int)Math.Max(total, Math.Min(Array.MaxLength, _buffer.Length * 2L)))];
        }

        var payloads = new List<ReadOnlyMemory<byte>>(frames.Count);
        var files = new Dictionary<string, SafeFileHandle>(StringComparer.Ordinal);
        try
        {
            var at = 0;
            foreach (var frame in frames)
            {
                if (!files.TryGetValue(frame.Segment.Path, out var file))
                {
                    files[frame.Segment.Path] = file = File.OpenHandle(frame.Segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                }

                try
                {
                    payloads.Add(WalFrame.ReadAt(file, frame.Offset, _buffer.AsMemory(at, frame.FrameLength)));
                    at += frame.FrameLength;
                }
                catch (InvalidDataException e)
                {
                    unreadable(frame, e);
                }
            }
        }
        finally
        {
            foreach (var file in files.Values)
            {
                file.Dispose();
            }
        }

        return payloads;
    }

    /// <summary>Lets the buffer go (the backlog is empty): the next batch makes one of its own size.</summary>
    public void Release() => _buffer = [];
}
