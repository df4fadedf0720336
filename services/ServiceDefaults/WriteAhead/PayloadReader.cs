using System.Buffers.Binary;
using System.Text;

namespace AirisEpm.ServiceDefaults.WriteAhead;

/// <summary>
/// Bounds-checked reads of a binary payload this platform wrote (a write-ahead log frame, a stored block): bytes,
/// little-endian 64-bit integers, varints, counts and UTF-8 strings. Anything out of bounds or malformed is an
/// <see cref="InvalidDataException"/> naming <c>what</c> is being read and where.
/// </summary>
public ref struct PayloadReader(ReadOnlySpan<byte> payload, string what)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly ReadOnlySpan<byte> _payload = payload;
    private int _at;

    /// <summary>Bytes read so far.</summary>
    public readonly int Position => _at;

    public readonly bool End => _at == _payload.Length;

    public byte ReadByte() => _at < _payload.Length ? _payload[_at++] : throw Truncated();

    public long ReadInt64()
    {
        if (_payload.Length - _at < 8) throw Truncated();
        var value = BinaryPrimitives.ReadInt64LittleEndian(_payload[_at..]);
        _at += 8;
        return value;
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return value;
        }

        throw new InvalidDataException($"a varint of {what} is longer than 10 bytes");
    }

    /// <summary>A count of items that each take at least one byte: more than the bytes left is corrupt.</summary>
    public int ReadCount()
    {
        var count = ReadVarint();
        return count <= (ulong)(_payload.Length - _at) ? (int)count : throw Truncated();
    }

    /// <summary>Passes over <paramref name="length"/> bytes; returns where they start.</summary>
    public int Skip(ulong length)
    {
        if (length > (ulong)(_payload.Length - _at)) throw Truncated();
        var start = _at;
        _at += (int)length;
        return start;
    }

    public string ReadString()
    {
        var length = ReadCount();
        try
        {
            var text = StrictUtf8.GetString(_payload.Slice(_at, length));
            _at += length;
            return text;
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException($"a string of {what} is not UTF-8");
        }
    }

    private readonly InvalidDataException Truncated() => new($"{what} is cut short at byte {_at} of {_payload.Length}");
}
