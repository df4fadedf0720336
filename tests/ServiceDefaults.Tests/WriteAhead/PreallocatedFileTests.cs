using System.Buffers;
using AirisEpm.ServiceDefaults.WriteAhead;

namespace AirisEpm.ServiceDefaults.Tests.WriteAhead;

public sealed class PreallocatedFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "airis-prealloc-" + Guid.NewGuid().ToString("N"))).FullName;

    private static byte[] Frame(int payloadBytes, byte fill)
    {
        var buffer = new ArrayBufferWriter<byte>();
        WalFrame.Write(buffer, Enumerable.Repeat(fill, payloadBytes).ToArray());
        return buffer.WrittenSpan.ToArray();
    }

    private static IReadOnlyList<byte[]> ReadBack(string path, out long intact, out long torn)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return WalFrame.ReadAll(file, out intact, out torn);
    }

    [Fact]
    public async Task A_segment_on_linux_is_extended_ahead_in_a_whole_chunk_and_its_frames_read_back_to_a_clean_end()
    {
        using var segment = new WalSegment(1, Path.Combine(_folder, "1.wal"));
        var sequences = Enumerable.Range(1, 10).Select(i => segment.TryEnqueue(new byte[100 * i], out var s) ? s : -1).ToList();
        await Task.WhenAll(sequences.Select(segment.WaitDurableAsync));

        var frames = Enumerable.Range(1, 10).Sum(i => WalFrame.HeaderSize + 100 * i);
        Assert.Equal(OperatingSystem.IsLinux(), segment.Preallocating);
        Assert.Equal(OperatingSystem.IsLinux() ? PreallocatedFile.ChunkBytes : frames, new FileInfo(segment.Path).Length);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => 100 * i), ReadBack(segment.Path, out var intact, out var torn).Select(p => p.Length));
        Assert.Equal(frames, intact);
        Assert.Equal(0, torn);
    }

    [Fact]
    public void Appends_past_a_chunk_extend_the_file_by_whole_chunks_and_every_byte_lands_where_it_was_appended()
    {
        var path = Path.Combine(_folder, "big.wal");
        var frames = new[] { Frame(1_500_000, 1), Frame(3_000_000, 2), Frame(10, 3), Frame(4_500_000, 4) };
        using (var file = new PreallocatedFile(path))
        {
            foreach (var frame in frames)
            {
                file.AppendDurably(frame);
            }

            Assert.Equal(frames.Sum(f => (long)f.Length), file.Written);
        }

        var length = new FileInfo(path).Length;
        Assert.Equal(OperatingSystem.IsLinux() ? 3 * PreallocatedFile.ChunkBytes : frames.Sum(f => (long)f.Length), length);
        var payloads = ReadBack(path, out _, out var torn);
        Assert.Equal([1, 2, 3, 4], payloads.Select(p => Assert.Single(p.Distinct())));
        Assert.Equal(0, torn);
    }

    [Fact]
    public void Bytes_past_the_frames_that_are_not_all_zeros_are_a_torn_tail()
    {
        var frames = Frame(50, 7).Concat(Frame(60, 8)).ToArray();
        var zeros = new byte[100_000];
        var path = Path.Combine(_folder, "tail.wal");

        File.WriteAllBytes(path, [.. frames, .. zeros]);
        Assert.Equal(2, ReadBack(path, out var intact, out var torn).Count);
        Assert.Equal((frames.Length, 0L), (intact, torn));

        zeros[90_000] = 1; // as a write that reached the disk out of order past an unwritten page
        File.WriteAllBytes(path, [.. frames, .. zeros]);
        Assert.Equal(2, ReadBack(path, out intact, out torn).Count);
        Assert.Equal((frames.Length, (long)zeros.Length), (intact, torn));

        File.WriteAllBytes(path, [.. frames, .. Frame(70, 9)[..20], .. zeros[..100]]); // a frame cut short, then zeros
        Assert.Equal(2, ReadBack(path, out intact, out torn).Count);
        Assert.Equal(120L, torn);
    }

    [Fact]
    public void An_empty_payload_is_refused_because_a_zero_length_ends_the_frames()
    {
        var error = Assert.Throws<ArgumentException>(() => WalFrame.Write(new ArrayBufferWriter<byte>(), ReadOnlySpan<byte>.Empty));
        Assert.Contains("at least one byte", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
