using System.Buffers;
using AirisEpm.ServiceDefaults.WriteAhead;

namespace AirisEpm.ServiceDefaults.Tests.WriteAhead;

public sealed class WriteAheadLogTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-wal-" + Guid.NewGuid().ToString("N"));

    public WriteAheadLogTests() => Directory.CreateDirectory(_folder);

    private static byte[] Frames(params string[] payloads)
    {
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var payload in payloads)
        {
            WalFrame.Write(buffer, System.Text.Encoding.UTF8.GetBytes(payload));
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static long IntactLength(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        WalFrame.ReadAll(file, out var intact, out var torn);
        Assert.Equal(0, torn);
        return intact;
    }

    private static IReadOnlyList<string> Read(byte[] bytes, out long intact)
    {
        using var stream = new MemoryStream(bytes);
        return WalFrame.ReadAll(stream, out intact, out _).Select(p => System.Text.Encoding.UTF8.GetString(p)).ToList();
    }

    [Fact]
    public void Every_cut_of_the_last_frame_keeps_exactly_the_frames_before_it()
    {
        var whole = Frames("first", "second batch", "third and last");
        var beforeLast = Frames("first", "second batch").Length;

        Assert.Equal(["first", "second batch", "third and last"], Read(whole, out var all));
        Assert.Equal(whole.Length, all);
        for (var cut = beforeLast; cut < whole.Length; cut++)
        {
            Assert.Equal(["first", "second batch"], Read(whole[..cut], out var intact));
            Assert.Equal(beforeLast, intact);
        }
    }

    [Fact]
    public void A_last_frame_with_a_wrong_checksum_is_ignored()
    {
        var bytes = Frames("kept", "garbled");
        bytes[^1] ^= 0x20;

        Assert.Equal(["kept"], Read(bytes, out _));
        Assert.Empty(Read([0xff, 0xff, 0xff, 0x7f, 0, 0, 0, 0, 1, 2], out _));
    }

    [Fact]
    public async Task An_appended_frame_is_read_back_where_the_log_says_it_is_and_changed_bytes_are_refused()
    {
        using var log = WriteAheadLog.Open(_folder);
        var first = await log.AppendFrameAsync("first"u8.ToArray());
        var second = await log.AppendFrameAsync("second, longer"u8.ToArray());
        Assert.Same(first.Segment, second.Segment);
        Assert.Equal(first.FrameLength, second.Offset);

        using (var file = File.OpenHandle(second.Segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            Assert.Equal("first", System.Text.Encoding.UTF8.GetString(WalFrame.ReadAt(file, first.Offset, new byte[first.FrameLength]).Span));
            Assert.Equal("second, longer", System.Text.Encoding.UTF8.GetString(WalFrame.ReadAt(file, second.Offset, new byte[second.FrameLength]).Span));
            // The other frame's length, or a place that is not a frame's start, is not the frame asked for.
            Assert.Throws<InvalidDataException>(() => WalFrame.ReadAt(file, first.Offset, new byte[second.FrameLength]));
            Assert.Throws<InvalidDataException>(() => WalFrame.ReadAt(file, first.Offset + 1, new byte[first.FrameLength]));
        }

        using (var stream = new FileStream(second.Segment.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            stream.Position = second.Offset + WalFrame.HeaderSize + 2;
            stream.WriteByte((byte)'X');
        }

        using (var file = File.OpenHandle(second.Segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            Assert.Contains("CRC", Assert.Throws<InvalidDataException>(() => WalFrame.ReadAt(file, second.Offset, new byte[second.FrameLength])).Message, StringComparison.Ordinal);
            var tooLong = Assert.Throws<InvalidDataException>(() => WalFrame.ReadAt(file, second.Offset, new byte[second.FrameLength + 1])).Message;
            Assert.Contains(second.Segment.Preallocating ? "holds" : "ends", tooLong, StringComparison.Ordinal); // preallocated zeros follow the frame
            Assert.Contains("ends", Assert.Throws<InvalidDataException>(() => WalFrame.ReadAt(file, second.Offset, new byte[(int)RandomAccess.GetLength(file)])).Message, StringComparison.Ordinal);
        }

        first.Segment.Complete();
        second.Segment.Complete();
    }

    [Fact]
    public async Task Appends_queued_while_none_is_flushing_share_one_fsync()
    {
        using var segment = new WalSegment(1, Path.Combine(_folder, "1.wal"));
        var sequences = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            Assert.True(segment.TryEnqueue(new byte[100], out var sequence));
            sequences.Add(sequence);
        }

        await Task.WhenAll(sequences.Select(s => Task.Run(() => segment.WaitDurableAsync(s))));

        Assert.Equal(1, segment.Fsyncs);
        Assert.Equal(10 * (WalFrame.HeaderSize + 100), IntactLength(segment.Path));
    }

    [Fact]
    public async Task Once_a_flush_fails_every_waiting_and_later_append_is_refused()
    {
        var segment = new WalSegment(1, Path.Combine(_folder, "1.wal"));
        var sequences = Enumerable.Range(0, 8).Select(_ => segment.TryEnqueue(new byte[100], out var sequence) ? sequence : -1).ToList();
        segment.Dispose(); // the file is closed under the appenders: the leader's write throws

        foreach (var failed in await Task.WhenAll(sequences.Select(s => Task.Run(async () => await Record.ExceptionAsync(() => segment.WaitDurableAsync(s))))))
        {
            Assert.IsType<IOException>(failed);
        }

        Assert.True(segment.Failed);
        Assert.True(segment.TryEnqueue(new byte[1], out var later));
        await Assert.ThrowsAsync<IOException>(() => segment.WaitDurableAsync(later));
        Assert.Equal(0, segment.Fsyncs);
    }

    [Fact]
    public async Task Concurrent_appends_need_fewer_fsyncs_than_appends()
    {
        var wal = WriteAheadLog.Open(_folder);
        try
        {
            var segments = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => wal.AppendAsync(new byte[200]))));
            var segment = Assert.Single(segments.Distinct());
            Assert.InRange(segment.Fsyncs, 1, 64);
            Assert.Equal(64 * (WalFrame.HeaderSize + 200), IntactLength(segment.Path));
        }
        finally
        {
            wal.Dispose();
        }
    }

    [Fact]
    public async Task Rotation_waits_for_the_sealed_segments_appends_to_complete()
    {
        var wal = WriteAheadLog.Open(_folder);
        try
        {
            var segment = await wal.AppendAsync(new byte[10]);
            var rotation = wal.RotateAsync();
            await Task.Delay(50, TestContext.Current.CancellationToken);
            Assert.False(rotation.IsCompleted);

            segment.Complete();
            Assert.Equal(1, await rotation);
            var next = await wal.AppendAsync(new byte[10]);
            Assert.Equal(2, next.Number);
            next.Complete();

            wal.DeleteThrough(1);
            Assert.Equal([2L], WriteAheadLog.Existing(_folder).Select(s => s.Number));
        }
        finally
        {
            wal.Dispose();
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
