using System.Text;
using AirisEpm.Protocols;

namespace AirisEpm.MetricsService.Protocols;

/// <summary>
/// Shares the strings of label values decoded from UTF-8: most values repeat across series (<c>job</c>, <c>region</c>,
/// <c>mode</c>, <c>cpu</c>, an instance's series), and every series that keeps one in the catalog, the head and the
/// decoder's cache otherwise holds its own copy (at 100,000 node-exporter series, 5 of each series' 7 values repeat:
/// about 12 MB). A fixed table of <see cref="Slots"/> strings indexed by the value's hash, last writer wins: a value
/// seen again while it holds its slot is shared, a unique one (a pod name, a series id) costs what it did and only
/// displaces the slot's string, so memory stays bounded whatever a client sends. Races between threads only cost an
/// extra string. Thread-safe.
/// </summary>
internal static class LabelValues
{
    private const int Slots = 1 << 14;
    private const int MaxLength = 128;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly string?[] Table = new string?[Slots];

    /// <summary>The value as a string, shared with an earlier equal one when the table still holds it.</summary>
    public static string Share(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Decode(utf8);
        }

        Span<char> chars = stackalloc char[MaxLength];
        int count;
        try
        {
            count = StrictUtf8.GetChars(utf8, chars);
        }
        catch (DecoderFallbackException)
        {
            throw new MalformedPayloadException("a string is not valid UTF-8");
        }

        var span = chars[..count];
        var slot = string.GetHashCode(span) & (Slots - 1);
        var held = Volatile.Read(ref Table[slot]);
        if (held is not null && span.SequenceEqual(held))
        {
            return held;
        }

        var value = new string(span);
        Volatile.Write(ref Table[slot], value);
        return value;
    }

    private static string Decode(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            throw new MalformedPayloadException("a string is not valid UTF-8");
        }
    }
}
