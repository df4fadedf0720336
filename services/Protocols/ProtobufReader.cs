using System.Buffers.Binary;
using System.Text;

namespace AirisEpm.Protocols;

/// <summary>
/// A forward-only reader of the protobuf wire format over a span: no allocations except the
/// strings a caller asks for. Every malformed input throws <see cref="MalformedPayloadException"/>.
/// </summary>
public ref struct ProtobufReader(ReadOnlySpan<byte> buffer)
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int Fixed32 = 5;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _buffer = buffer;
    private int _position;

    public readonly bool End => _position >= _buffer.Length;

    /// <summary>Bytes read so far: where the next tag starts.</summary>
    public readonly int Position => _position;

    /// <summary>Reads the next tag; returns false at the end of the message.</summary>
    public bool TryReadTag(out int field, out int wireType)
    {
        if (End)
        {
            field = 0;
            wireType = 0;
            return false;
        }

        var tag = ReadVarint();
        field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        if (field <= 0)
        {
            throw new MalformedPayloadException($"invalid field number at byte {_position}");
        }

        return true;
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _buffer.Length)
            {
                throw Truncated();
            }

            var b = _buffer[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new MalformedPayloadException($"varint longer than 10 bytes at byte {_position}");
    }

    public ulong ReadFixed64()
    {
        if (_buffer.Length - _position < 8)
        {
            throw Truncated();
        }

        var value = BinaryPrimitives.ReadUInt64LittleEndian(_buffer.Slice(_position, 8));
        _position += 8;
        return value;
    }

    public double ReadDouble() => BitConverter.UInt64BitsToDouble(ReadFixed64());

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = ReadVarint();
        if (length > (ulong)(_buffer.Length - _position))
        {
            throw Truncated();
        }

        var bytes = _buffer.Slice(_position, (int)length);
        _position += (int)length;
        return bytes;
    }

    public string ReadString()
    {
        var bytes = ReadBytes();
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new MalformedPayloadException("a string is not valid UTF-8");
        }
    }

    /// <summary>Skips the value of a field this reader does not need (exemplars, metadata, histograms).</summary>
    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case Varint:
                ReadVarint();
                break;
            case Fixed64:
                ReadFixed64();
                break;
            case LengthDelimited:
                ReadBytes();
                break;
            case Fixed32:
                if (_buffer.Length - _position < 4)
                {
                    throw Truncated();
                }

                _position += 4;
                break;
            default:
                throw new MalformedPayloadException($"unsupported wire type {wireType} at byte {_position}");
        }
    }

    public readonly void Expect(int wireType, int expected, string field)
    {
        if (wireType != expected)
        {
            throw new MalformedPayloadException($"field {field} has wire type {wireType}, expected {expected}");
        }
    }

    private readonly MalformedPayloadException Truncated() =>
        new($"truncated message at byte {_position} of {_buffer.Length}");
}
