using System.Buffers;

namespace AirisEpm.LogService.Syslog;

/// <summary>
/// Cuts syslog messages out of a TCP byte stream (RFC 6587), detecting the framing per message as
/// rsyslog's imtcp does: a frame that starts with a non-zero digit and whose digits end in a space is
/// octet-counted (§3.4.1, <c>123 &lt;PRI&gt;...</c>); anything else runs up to the next LF or NUL
/// (§3.4.2; a CR before the LF is dropped). LF, CR and NUL bytes between frames are skipped, so a sender
/// that ends octet-counted frames with a newline is read correctly too. The one ambiguity RFC 6587
/// leaves is a newline-framed message that starts with a number and a space ("42 apples"), which is
/// read as octet-counted like every receiver does; syslog messages start with <c>&lt;PRI&gt;</c>.
/// <para>
/// Pure and allocation-free: the caller keeps the bytes in a pipe and calls <see cref="TryRead"/>
/// until it answers <see cref="FrameStatus.Incomplete"/>. It never asks for more than
/// <c>maxMessageBytes</c> + 11 buffered bytes (ten digits and a space) to decide, so a sender cannot make
/// the buffer grow past that: a frame declared or seen longer is <see cref="FrameStatus.Oversized"/> as
/// soon as that is known.
/// </para>
/// </summary>
public static class SyslogFrameReader
{
    /// <summary>Ten digits hold any length up to 2^31; a longer digit run cannot be an octet count we accept.</summary>
    private const int MaxLengthDigits = 10;

    private const byte Lf = (byte)'\n';
    private const byte Cr = (byte)'\r';
    private const byte Nul = 0;

    /// <param name="buffer">Unread bytes; on return starts after what was consumed (skipped trailers and the frame).</param>
    /// <param name="completed">True when the stream has ended: a final frame without a trailer, or cut short, is returned.</param>
    /// <param name="maxMessageBytes">The longest payload accepted.</param>
    /// <param name="frame">The frame for <see cref="FrameStatus.Frame"/>; its length for <see cref="FrameStatus.Oversized"/>.</param>
    public static FrameStatus TryRead(ref ReadOnlySequence<byte> buffer, bool completed, int maxMessageBytes, out SyslogFrame frame)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageBytes, 1);
        frame = default;
        var reader = new SequenceReader<byte>(buffer);
        reader.AdvancePastAny(Lf, Cr, Nul);
        buffer = buffer.Slice(reader.Position);
        if (reader.End) return FrameStatus.Incomplete;

        var octets = TryOctetCount(ref reader, completed, out var length);
        if (octets == OctetCount.NeedMore) return FrameStatus.Incomplete;
        if (octets == OctetCount.Found)
        {
            return length > maxMessageBytes
                ? Oversized(out frame, SyslogFraming.OctetCounting, length)
                : ReadCounted(ref buffer, reader, length, completed, out frame);
        }
        return ReadDelimited(ref buffer, completed, maxMessageBytes, out frame);
    }

    private enum OctetCount
    {
        None,
        NeedMore,
        Found,
    }

    /// <summary>A non-zero digit, at most ten digits, then a space: leaves <paramref name="reader"/> after the space.</summary>
    private static OctetCount TryOctetCount(ref SequenceReader<byte> reader, bool completed, out long length)
    {
        length = 0;
        var probe = reader;
        if (!probe.TryPeek(out var first) || first is < (byte)'1' or > (byte)'9') return OctetCount.None;
        var digits = 0;
        while (probe.TryPeek(out var b) && b is >= (byte)'0' and <= (byte)'9')
        {
            if (++digits > MaxLengthDigits) return OctetCount.None;
            length = (length * 10) + (b - '0');
            probe.Advance(1);
        }
        if (probe.End) return completed ? OctetCount.None : OctetCount.NeedMore;
        if (!probe.IsNext((byte)' ', advancePast: true)) return OctetCount.None;
        reader = probe;
        return OctetCount.Found;
    }

    private static FrameStatus ReadCounted(ref ReadOnlySequence<byte> buffer, SequenceReader<byte> reader, long length, bool completed, out SyslogFrame frame)
    {
        if (reader.Remaining < length)
        {
            frame = default;
            if (!completed) return FrameStatus.Incomplete;
            frame = new SyslogFrame(TrimEnd(reader.UnreadSequence), SyslogFraming.OctetCounting, Truncated: true, length);
            buffer = buffer.Slice(buffer.End);
            return FrameStatus.Frame;
        }
        var payload = reader.UnreadSequence.Slice(0, length);
        frame = new SyslogFrame(TrimEnd(payload), SyslogFraming.OctetCounting, Truncated: false, length);
        buffer = buffer.Slice(payload.End);
        return FrameStatus.Frame;
    }

    private static FrameStatus ReadDelimited(ref ReadOnlySequence<byte> buffer, bool completed, int maxMessageBytes, out SyslogFrame frame)
    {
        var reader = new SequenceReader<byte>(buffer);
        frame = default;
        if (reader.TryReadToAny(out ReadOnlySequence<byte> line, [Lf, Nul], advancePastDelimiter: true))
        {
            if (line.Length > maxMessageBytes) return Oversized(out frame, SyslogFraming.NonTransparent, line.Length);
            frame = new SyslogFrame(TrimEnd(line), SyslogFraming.NonTransparent, Truncated: false, line.Length);
            buffer = buffer.Slice(reader.Position);
            return FrameStatus.Frame;
        }
        if (buffer.Length > maxMessageBytes) return Oversized(out frame, SyslogFraming.NonTransparent, buffer.Length);
        if (!completed) return FrameStatus.Incomplete;
        frame = new SyslogFrame(TrimEnd(buffer), SyslogFraming.NonTransparent, Truncated: false, buffer.Length);
        buffer = buffer.Slice(buffer.End);
        return FrameStatus.Frame;
    }

    private static FrameStatus Oversized(out SyslogFrame frame, SyslogFraming framing, long length)
    {
        frame = new SyslogFrame(ReadOnlySequence<byte>.Empty, framing, Truncated: false, length);
        return FrameStatus.Oversized;
    }

    /// <summary>Drops trailing CR, LF and NUL (rsyslog's RFC 5424 template ends its counted payload with LF).</summary>
    private static ReadOnlySequence<byte> TrimEnd(ReadOnlySequence<byte> payload)
    {
        if (payload.IsSingleSegment)
        {
            var span = payload.FirstSpan;
            return payload.Slice(0, span.TrimEnd([Lf, Cr, Nul]).Length);
        }
        var length = payload.Length;
        while (length > 0)
        {
            var last = payload.Slice(length - 1, 1).FirstSpan[0];
            if (last is not (Lf or Cr or Nul)) break;
            length--;
        }
        return payload.Slice(0, length);
    }
}
