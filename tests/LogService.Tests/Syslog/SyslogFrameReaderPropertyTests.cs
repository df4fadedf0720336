using System.Text;
using AirisEpm.LogService.Syslog;
using CsCheck;
using static AirisEpm.LogService.Tests.Syslog.FrameFeed;

namespace AirisEpm.LogService.Tests.Syslog;

/// <summary>CsCheck properties of the framing decoder: random bytes, random splits, and encode-then-decode round trips.</summary>
public sealed class SyslogFrameReaderPropertyTests
{
    private const int Max = 256;

    private static readonly Gen<byte> Interesting = Gen.OneOf(Gen.Byte, Gen.Const((byte)'\n'), Gen.Const((byte)' '), Gen.Const((byte)0), Gen.Byte[(byte)'0', (byte)'9']);

    [Fact]
    public void Random_bytes_in_random_chunks_never_throw_hang_or_overrun_the_limit()
    {
        Gen.Select(Interesting.Array[0, 1200], Gen.Int[1, 1200].Array[0, 8]).Sample((bytes, splits) =>
        {
            var result = Decode(bytes, splits, Max);
            Assert.All(result.Frames, f => Assert.True(Encoding.UTF8.GetByteCount(f.Text) <= Max * 3, "a frame longer than the limit"));
            Assert.True(result.Calls <= (bytes.Length * 2) + splits.Length + 2, $"{result.Calls} calls for {bytes.Length} bytes");
        }, iter: 5000);
    }

    [Fact]
    public void Encoded_messages_decode_to_themselves_however_the_stream_is_split()
    {
        // Messages as senders write them: a PRI, then text that may hold any byte but the trailer bytes
        // (octet counting may carry inner newlines, but not trailing ones, which the reader trims).
        var body = Gen.Char[' ', '~'].Array[0, 120].Select(c => new string(c));
        var message = Gen.Select(Gen.Int[0, 191], body, (pri, text) => $"<{pri}>{text}".TrimEnd());
        var framed = Gen.Select(message, Gen.Int[0, 3], (m, framing) => (Message: m, Framing: framing));
        Gen.Select(framed.List[1, 12], Gen.Int[1, 2000].Array[0, 6]).Sample((messages, splits) =>
        {
            var stream = new StringBuilder();
            foreach (var (m, framing) in messages)
            {
                stream.Append(framing switch
                {
                    0 => $"{Encoding.UTF8.GetByteCount(m)} {m}",
                    1 => m + "\n",
                    2 => m + "\r\n",
                    _ => m + "\0",
                });
            }
            var result = Decode(stream.ToString(), splits, Max);
            Assert.Null(result.OversizedLength);
            Assert.Equal(messages.Select(m => m.Message), result.Frames.Select(f => f.Text));
            Assert.Equal(messages.Select(m => m.Framing == 0 ? SyslogFraming.OctetCounting : SyslogFraming.NonTransparent), result.Frames.Select(f => f.Framing));
        }, iter: 3000);
    }
}
