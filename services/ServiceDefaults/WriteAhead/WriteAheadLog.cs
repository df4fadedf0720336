using System.Globalization;

namespace AirisEpm.ServiceDefaults.WriteAhead;

/// <summary>
/// The store's write-ahead log: numbered segment files <c>wal/00000000000000000001.wal</c>, … in one
/// folder, shared by the stores that acknowledge a write once it is here (log-service's Lucene index,
/// metrics-service's DuckDB file). Appends go to the newest segment. A store's commit first rotates (seals
/// the current segment and opens the next), waits for the sealed segment's appends to reach the store,
/// commits, then deletes the sealed segments: so whatever is in a segment file that still exists may be
/// missing from the store's last commit, and everything else is in it. Replay reads every segment left on disk.
/// </summary>
public sealed class WriteAheadLog : IDisposable
{
    private const string Extension = ".wal";
    private readonly string _folder;

    // Guards _current and _sealed; held only to switch segments, never during I/O.
    private readonly Lock _gate = new();
    private readonly List<WalSegment> _sealed = [];
    private WalSegment _current;

    private WriteAheadLog(string folder, long nextNumber)
    {
        _folder = folder;
        _current = Create(nextNumber);
    }

    /// <summary>Bytes appended to the current segment.</summary>
    public long CurrentBytes => Volatile.Read(ref _current).Bytes;

    public bool Failed => Volatile.Read(ref _current).Failed;

    /// <summary>The segment files left in <paramref name="folder"/>, oldest first.</summary>
    public static IReadOnlyList<(long Number, string Path)> Existing(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*" + Extension)
                .Select(p => (Number: long.TryParse(System.IO.Path.GetFileNameWithoutExtension(p), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1, Path: p))
                .Where(s => s.Number >= 0)
                .OrderBy(s => s.Number)
                .ToList()
            : [];

    /// <summary>Opens a log whose next segment is numbered after every existing one (which the caller has replayed).</summary>
    public static WriteAheadLog Open(string folder)
    {
        Directory.CreateDirectory(folder);
        var existing = Existing(folder);
        return new WriteAheadLog(folder, existing.Count == 0 ? 1 : existing[^1].Number + 1);
    }

    /// <summary>Returns once <paramref name="payload"/> is fsync'd; the caller must call <see cref="WalSegment.Complete"/> on the result once its records are in the store.</summary>
    public async Task<WalSegment> AppendAsync(ReadOnlyMemory<byte> payload) => (await AppendFrameAsync(payload).ConfigureAwait(false)).Segment;

    /// <summary>
    /// As <see cref="AppendAsync"/>, also telling where the frame is, so that a store can read its payload back from the
    /// file (<see cref="WalFrame.ReadAt"/>) when it applies it instead of keeping it in memory until then.
    /// </summary>
    public async Task<WalPosition> AppendFrameAsync(ReadOnlyMemory<byte> payload)
    {
        while (true)
        {
            var segment = Volatile.Read(ref _current);
            if (segment.TryEnqueue(payload.Span, out var sequence, out var offset))
            {
                try
                {
                    await segment.WaitDurableAsync(sequence).ConfigureAwait(false);
                }
                catch
                {
                    segment.Complete();
                    throw;
                }

                return new WalPosition(segment, offset, payload.Length);
            }
        }
    }

    /// <summary>
    /// Starts a new segment and waits until every append to the older ones has completed.
    /// Returns the number of the newest sealed segment: pass it to <see cref="DeleteThrough"/> after the store's commit.
    /// </summary>
    public async Task<long> RotateAsync()
    {
        WalSegment sealedSegment;
        lock (_gate)
        {
            sealedSegment = _current;
            _sealed.Add(sealedSegment);
            Volatile.Write(ref _current, Create(sealedSegment.Number + 1));
        }

        await sealedSegment.SealAsync().ConfigureAwait(false);
        return sealedSegment.Number;
    }

    /// <summary>Deletes the sealed segments up to <paramref name="number"/> (their records are committed to the store).</summary>
    public void DeleteThrough(long number)
    {
        List<WalSegment> done;
        lock (_gate)
        {
            done = _sealed.Where(s => s.Number <= number).ToList();
            _sealed.RemoveAll(s => s.Number <= number);
        }

        foreach (var segment in done)
        {
            segment.Dispose();
            File.Delete(segment.Path);
        }

        foreach (var (_, path) in Existing(_folder).Where(s => s.Number <= number))
        {
            File.Delete(path); // replayed at start and committed since
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var segment in _sealed)
            {
                segment.Dispose();
            }

            _current.Dispose();
        }
    }

    private WalSegment Create(long number)
    {
        var segment = new WalSegment(number, System.IO.Path.Combine(_folder, number.ToString("D20", CultureInfo.InvariantCulture) + Extension));
        DirectorySync.Flush(_folder); // the new file's directory entry must be durable before an ack depends on it
        return segment;
    }
}
