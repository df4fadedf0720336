using System.Text;
using AirisEpm.LogService.Syslog;
using static AirisEpm.LogService.Tests.Syslog.FrameFeed;

namespace AirisEpm.LogService.Tests.Syslog;

/// <summary>RFC 6587 framing, both kinds, detected per message, over every way the bytes can arrive.</summary>
public sealed class SyslogFrameReaderTests
{
    private const string Rfc5424 = "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - 'su root' failed for lonvick on /dev/pts/8";
    private const string Rfc3164 = "<13>Feb  5 17:32:18 10.0.0.99 myproc[8710]: Use the BFG!";

    private static string Counted(string message) => $"{Encoding.UTF8.GetByteCount(message)} {message}";

    /// <summary>Octet-counted, LF, CRLF, NUL, a counted frame with rsyslog's LF inside, and a counted frame a sender ended with LF.</summary>
    private static readonly string Mixed =
        Counted(Rfc5424) + Rfc3164 + "\n" + Rfc3164 + "\r\n" + Counted(Rfc3164) + Rfc5424 + "\0" + Counted(Rfc5424 + "\n") + Counted("<14>1 - - - - - - ünïcødé") + "\n" + "<14>last";

    private static readonly (string Text, SyslogFraming Framing)[] MixedFrames =
    [
        (Rfc5424, SyslogFraming.OctetCounting), (Rfc3164, SyslogFraming.NonTransparent), (Rfc3164, SyslogFraming.NonTransparent),
        (Rfc3164, SyslogFraming.OctetCounting), (Rfc5424, SyslogFraming.NonTransparent), (Rfc5424, SyslogFraming.OctetCounting),
        ("<14>1 - - - - - - ünïcødé", SyslogFraming.OctetCounting), ("<14>last", SyslogFraming.NonTransparent),
    ];

    [Fact]
    public void Both_framings_are_detected_per_message_and_trailers_dropped()
    {
        var result = Whole(Mixed);
        Assert.Null(result.OversizedLength);
        Assert.Equal(MixedFrames, result.Frames.Select(f => (f.Text, f.Framing)));
        Assert.All(result.Frames, f => Assert.False(f.Truncated));
    }

    [Fact]
    public void Every_split_into_two_chunks_gives_the_same_frames()
    {
        var bytes = Encoding.UTF8.GetBytes(Mixed);
        for (var split = 1; split < bytes.Length; split++)
        {
            var result = Decode(bytes, [split]);
            Assert.True(MixedFrames.SequenceEqual(result.Frames.Select(f => (f.Text, f.Framing))), $"split at byte {split}");
        }
    }

    [Fact]
    public void Every_split_into_three_chunks_gives_the_same_frames()
    {
        var bytes = Encoding.UTF8.GetBytes(Counted(Rfc3164) + "<1>a\r\n" + Counted("<2>b"));
        for (var first = 1; first < bytes.Length; first++)
        {
            for (var second = first + 1; second < bytes.Length; second++)
            {
                var texts = Decode(bytes, [first, second]).Frames.Select(f => f.Text);
                Assert.True(texts.SequenceEqual([Rfc3164, "<1>a", "<2>b"]), $"splits at {first} and {second}");
            }
        }
    }

    [Fact]
    public void One_byte_at_a_time_gives_the_same_frames()
    {
        var bytes = Encoding.UTF8.GetBytes(Mixed);
        var result = Decode(bytes, Enumerable.Range(1, bytes.Length));
        Assert.Equal(MixedFrames, result.Frames.Select(f => (f.Text, f.Framing)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(4321)]
    [InlineData(65536)]
    public void Octet_counts_of_any_number_of_digits_delimit_exactly(int length)
    {
        var message = "<14>" + new string('x', Math.Max(0, length - 4));
        message = message[..length];
        var stream = Counted(message) + Counted("<14>next");
        var result = Decode(stream, [1, 2, 3, 4, 5, 6, 7], maxMessageBytes: 65536);
        Assert.Equal([message, "<14>next"], result.Frames.Select(f => f.Text));
        Assert.All(result.Frames, f => Assert.Equal(SyslogFraming.OctetCounting, f.Framing));
    }

    [Fact]
    public void Octet_counted_payloads_keep_their_inner_newlines()
    {
        var message = "<11>1 - host app - - - failed\n\tat A.b(A.java:1)\n\tat C.d(C.java:2)";
        var result = Whole(Counted(message) + Counted(message + "\n"));
        Assert.Equal([message, message], result.Frames.Select(f => f.Text));
    }

    [Fact]
    public void A_stream_cut_inside_a_counted_frame_returns_what_arrived_as_truncated()
    {
        var result = Whole("40 <14>only twenty bytes");
        var frame = Assert.Single(result.Frames);
        Assert.Equal("<14>only twenty bytes", frame.Text);
        Assert.True(frame.Truncated);
    }

    [Fact]
    public void A_final_line_without_trailer_is_a_whole_message()
    {
        var frame = Assert.Single(Whole("<14>no newline at the end").Frames);
        Assert.Equal(("<14>no newline at the end", false), (frame.Text, frame.Truncated));
    }

    [Fact]
    public void An_unfinished_frame_waits_for_more_bytes_without_consuming_them()
    {
        foreach (var partial in new[] { "12", "12 <14>abc", "<14>abc", "\n\n" })
        {
            var buffer = new System.Buffers.ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(partial));
            var status = SyslogFrameReader.TryRead(ref buffer, completed: false, 1024, out _);
            Assert.Equal(FrameStatus.Incomplete, status);
            Assert.Equal(partial.TrimStart('\n').Length, buffer.Length);
        }
    }

    [Fact]
    public void A_declared_length_over_the_limit_is_oversized_before_its_bytes_arrive()
    {
        var buffer = new System.Buffers.ReadOnlySequence<byte>("2000 <14>"u8.ToArray());
        Assert.Equal(FrameStatus.Oversized, SyslogFrameReader.TryRead(ref buffer, completed: false, 1024, out var frame));
        Assert.Equal(2000, frame.Length);

        var result = Whole(Counted("<14>fine") + "99999999 <14>", maxMessageBytes: 1024);
        Assert.Equal(["<14>fine"], result.Frames.Select(f => f.Text));
        Assert.Equal(99999999, result.OversizedLength);
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_oversized_without_waiting_for_its_end()
    {
        var buffer = new System.Buffers.ReadOnlySequence<byte>(Encoding.UTF8.GetBytes("<14>" + new string('x', 1100)));
        Assert.Equal(FrameStatus.Oversized, SyslogFrameReader.TryRead(ref buffer, completed: false, 1024, out var frame));
        Assert.Equal(1104, frame.Length);

        var limit = "<14>" + new string('y', 1020);
        Assert.Equal([limit], Whole(limit + "\n").Frames.Select(f => f.Text));
        Assert.Equal(1025, Whole(limit + "z\n").OversizedLength);
    }

    [Theory]
    [InlineData("2024-01-02T03:04:05Z host app: starts with digits\n", "2024-01-02T03:04:05Z host app: starts with digits")]
    [InlineData("12345678901 eleven digits are no octet count\n", "12345678901 eleven digits are no octet count")]
    [InlineData("0 a zero cannot start a length\n", "0 a zero cannot start a length")]
    [InlineData("12\n", "12")]
    [InlineData("\n\r\n\0\0plain words\n\n", "plain words")]
    [InlineData("  \tat indented continuation\n", "  \tat indented continuation")]
    public void Lines_that_only_look_counted_are_newline_framed(string stream, string expected)
    {
        var frame = Assert.Single(Whole(stream).Frames);
        Assert.Equal((expected, SyslogFraming.NonTransparent), (frame.Text, frame.Framing));
    }

    [Fact]
    public void Blank_lines_and_empty_streams_give_no_frames()
    {
        Assert.Empty(Whole("").Frames);
        Assert.Empty(Whole("\n\n\r\n\0").Frames);
    }

    [Fact]
    public void Invalid_utf8_and_control_bytes_pass_through_as_bytes()
    {
        byte[] stream = [(byte)'<', (byte)'1', (byte)'>', 0xFF, 0xC3, 0x01, 0x1B, (byte)'\n', (byte)'3', (byte)' ', 0xFE, 0x02, 0x0A];
        var result = Decode(stream, []);
        Assert.Equal(2, result.Frames.Count);
        Assert.Equal(SyslogFraming.OctetCounting, result.Frames[1].Framing);
        Assert.Equal("\uFFFD\u0002", result.Frames[1].Text);
    }
}
