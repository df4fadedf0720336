using AirisEpm.Protocols;
using System.Collections.Concurrent;
using System.Text;

namespace AirisEpm.MetricsService.Protocols;

/// <summary>
/// Interns label names decoded from UTF-8: a deployment has a few hundred distinct names, so every
/// series reusing one string saves an allocation per label on the hot path. Bounded, so that a
/// client sending random names cannot grow it without limit.
/// </summary>
internal static class LabelNames
{
    private const int MaxEntries = 10_000;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Intern(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > 256)
        {
            return Decode(utf8);
        }

        Span<char> chars = stackalloc char[256];
        int count;
        try
        {
            count = StrictUtf8.GetChars(utf8, chars);
        }
        catch (DecoderFallbackException)
        {
            throw new MalformedPayloadException("a label name is not valid UTF-8");
        }

        var span = chars[..count];
        if (Lookup.TryGetValue(span, out var known))
        {
            return known;
        }

        var name = new string(span);
        if (Names.Count < MaxEntries)
        {
            Names.TryAdd(name, name);
        }

        return name;
    }

    private static string Decode(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            throw new MalformedPayloadException("a label name is not valid UTF-8");
        }
    }
}
