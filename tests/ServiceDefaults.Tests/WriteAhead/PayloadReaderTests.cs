using AirisEpm.ServiceDefaults.WriteAhead;

namespace AirisEpm.ServiceDefaults.Tests.WriteAhead;

/// <summary>Bounds-checked payload reads: what is there is read, anything out of bounds or malformed names what and where.</summary>
public sealed class PayloadReaderTests
{
    [Fact]
    public void Reads_bytes_integers_varints_and_strings_in_order()
    {
        byte[] payload = [7, 1, 0, 0, 0, 0, 0, 0, 0, 0xAC, 0x02, 2, (byte)'o', (byte)'k', 9];
        var reader = new PayloadReader(payload, "a test payload");

        Assert.Equal(7, reader.ReadByte());
        Assert.Equal(1L, reader.ReadInt64());
        Assert.Equal(300UL, reader.ReadVarint());
        Assert.Equal("ok", reader.ReadString());
        Assert.Equal(14, reader.Skip(1));
        Assert.True(reader.End);
    }

    [Fact]
    public void A_payload_cut_short_names_what_and_where()
    {
        static long EightBytesAfterOne()
        {
            var reader = new PayloadReader([1, 0, 0, 0], "a test payload");
            reader.ReadByte();
            return reader.ReadInt64();
        }

        Assert.Equal("a test payload is cut short at byte 1 of 4", Assert.Throws<InvalidDataException>(() => EightBytesAfterOne()).Message);
    }

    [Fact]
    public void An_overlong_varint_and_bad_utf8_are_refused()
    {
        Assert.Equal("a varint of a test payload is longer than 10 bytes",
            Assert.Throws<InvalidDataException>(() => new PayloadReader(Enumerable.Repeat((byte)0xFF, 11).ToArray(), "a test payload").ReadVarint()).Message);
        Assert.Equal("a string of a test payload is not UTF-8",
            Assert.Throws<InvalidDataException>(() => new PayloadReader([2, 0xC3, 0x28], "a test payload").ReadString()).Message);
    }
}
