using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace AirisEpm.MetricsService.Prometheus;

/// <summary>
/// A sample's time and value as UTF-8 bytes, exactly as <see cref="PromJson.Timestamp"/> and
/// <see cref="PromJson.SampleValue"/> write them but without a string per sample: a 24-hour range query at a
/// one-minute step writes 1,441 of each per series, and the strings were a fifth of such a query's time. A value in
/// [1e-5, 1e15) is .NET's shortest round-trip text, which then has no exponent and is the same text as Go's
/// <c>FormatFloat(v, 'f', -1, 64)</c>; anything else, and a negative time, takes the string path.
/// </summary>
public static class SampleText
{
    /// <summary>Room for any time or value this writes (the longest, a fixed-point value near 1e-6, is 26 bytes).</summary>
    public const int MaxBytes = 64;

    public static int Value(double value, Span<byte> destination)
    {
        var magnitude = Math.Abs(value);
        if ((magnitude == 0 || (magnitude >= 1e-5 && magnitude < 1e15))
            && value.TryFormat(destination, out var written, "R", CultureInfo.InvariantCulture)
            && destination[..written].IndexOf((byte)'E') < 0)
        {
            return written;
        }

        return Encoding.UTF8.GetBytes(PromJson.SampleValue(value), destination);
    }

    public static int Timestamp(long timeMs, Span<byte> destination)
    {
        if (timeMs < 0 || !Utf8Formatter.TryFormat(timeMs / 1000, destination, out var written))
        {
            return Encoding.UTF8.GetBytes(PromJson.Timestamp(timeMs), destination);
        }

        var fraction = (int)(timeMs % 1000);
        if (fraction == 0)
        {
            return written;
        }

        destination[written] = (byte)'.';
        destination[written + 1] = (byte)('0' + (fraction / 100));
        destination[written + 2] = (byte)('0' + (fraction / 10 % 10));
        destination[written + 3] = (byte)('0' + (fraction % 10));
        return written + 4;
    }
}
