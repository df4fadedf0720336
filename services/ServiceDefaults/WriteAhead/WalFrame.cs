using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace AirisEpm.ServiceDefaults.WriteAhead;

/// <summary>
/// The write-ahead log's record format. A WAL file is a sequence of frames and nothing else:
/// <code>
///   offset 0  uint32 LE  payload length N
///   offset 4  uint32 LE  CRC-32 (IEEE 802.3) of the payload
///   offset 8  N bytes    payload (one appended batch, in the owning store's encoding)
/// </code>
/// Frames are only ever appended and each group is fsync'd before anyone is acknowledged, so damage can
/// only be a torn tail left by a crash mid-write: a header cut short, a length running past the end of
/// the file, or a CRC that does not match. Reading stops at the first such frame; every frame before it
/// is intact and every acknowledged batch is before it. A file may also be longer than its frames, its rest zeros
/// (<see cref="PreallocatedFile"/>): a header of length 0 ends the frames, which is why a payload is never empty.
/// </summary>
public static class WalFrame
{
    public const int HeaderSize = 8;

    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> payload) => Write(output, payload, Crc32.HashToUInt32(payload));

    /// <summary>As <see cref="Write(IBufferWriter{byte}, ReadOnlySpan{byte})"/>, with the payload's CRC already computed (outside a lock).</summary>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> payload, uint crc)
    {
        if (payload.IsEmpty)
        {
            throw new ArgumentException("A write-ahead log frame carries at least one byte: a length of 0 marks the end of the frames.", nameof(payload));
        }

        var header = output.GetSpan(HeaderSize);
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], crc);
        output.Advance(HeaderSize);
        output.Write(payload);
    }

    /// <summary>
    /// Reads the frame whose header is at <paramref name="offset"/> of <paramref name="file"/> into <paramref name="frame"/>
    /// (exactly its header and payload) and returns its payload; throws <see cref="InvalidDataException"/> when the bytes
    /// there are not that frame (another length, a CRC that does not match, the file ending first).
    /// </summary>
    public static ReadOnlyMemory<byte> ReadAt(Microsoft.Win32.SafeHandles.SafeFileHandle file, long offset, Memory<byte> frame)
    {
        var read = 0;
        while (read < frame.Length)
        {
            var n = RandomAccess.Read(file, frame.Span[read..], offset + read);
            if (n == 0)
            {
                throw new InvalidDataException($"The write-ahead log ends {offset + read} bytes in, inside the frame at {offset}.");
            }

            read += n;
        }

        var span = frame.Span;
        var length = BinaryPrimitives.ReadUInt32LittleEndian(span);
        if (length != frame.Length - HeaderSize)
        {
            throw new InvalidDataException($"The frame at {offset} of the write-ahead log holds {length} bytes, not {frame.Length - HeaderSize}.");
        }

        var payload = frame[HeaderSize..];
        if (Crc32.HashToUInt32(payload.Span) != BinaryPrimitives.ReadUInt32LittleEndian(span[4..]))
        {
            throw new InvalidDataException($"The frame at {offset} of the write-ahead log does not match its CRC.");
        }

        return payload;
    }

    /// <summary>
    /// The intact frames' payloads, in order; <paramref name="validLength"/> is where the intact part ends, and
    /// <paramref name="tornBytes"/> how many bytes follow it that are not preallocated zeros (0 when the file ends cleanly).
    /// </summary>
    public static IReadOnlyList<byte[]> ReadAll(Stream input, out long validLength, out long tornBytes)
    {
        var payloads = new List<byte[]>();
        var header = new byte[HeaderSize];
        validLength = 0;
        var remaining = input.Length;
        while (remaining >= HeaderSize && input.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) == HeaderSize)
        {
            var length = BinaryPrimitives.ReadUInt32LittleEndian(header);
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
            if (length == 0 || length > remaining - HeaderSize)
            {
                break;
            }

            var payload = new byte[length];
            if (input.ReadAtLeast(payload, payload.Length, throwOnEndOfStream: false) != payload.Length || Crc32.HashToUInt32(payload) != crc)
            {
                break;
            }

            payloads.Add(payload);
            remaining -= HeaderSize + length;
            validLength += HeaderSize + length;
        }

        tornBytes = AllZeros(input, validLength) ? 0 : input.Length - validLength;
        return payloads;
    }

    private static bool AllZeros(Stream input, long from)
    {
        input.Position = from;
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            if (buffer.AsSpan(0, read).ContainsAnyExcept((byte)0))
            {
                return false;
            }
        }

        return true;
    }
}
