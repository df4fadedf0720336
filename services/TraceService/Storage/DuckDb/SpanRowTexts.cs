using System.Text;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Storage.DuckDb;

/// <summary>
/// The texts and attribute maps one read decodes, kept by their UTF-8 bytes so that rows repeating them share one .NET
/// object: every span of a trace has the same trace id, most share a few services, names and resource maps. A
/// 10,000-span lookup so makes a few hundred strings and maps instead of some 100,000. Bounded: texts longer than
/// <see cref="MaxBytes"/> and anything past <see cref="MaxEntries"/> distinct entries are decoded each time. One read's
/// (not thread-safe, not kept): the maps are shared between the spans it returns, which never change them.
/// </summary>
internal sealed class SpanRowTexts
{
    public const int MaxBytes = 512;
    public const int MaxEntries = 4096;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Dictionary<byte[], string>.AlternateLookup<ReadOnlySpan<byte>> _texts =
        new Dictionary<byte[], string>(ByteContent.Instance).GetAlternateLookup<ReadOnlySpan<byte>>();
    private readonly Dictionary<byte[], IReadOnlyDictionary<string, AttributeValue>>.AlternateLookup<ReadOnlySpan<byte>> _maps =
        new Dictionary<byte[], IReadOnlyDictionary<string, AttributeValue>>(ByteContent.Instance).GetAlternateLookup<ReadOnlySpan<byte>>();

    public string Text(ReadOnlySpan<byte> utf8)
    {
        if (_texts.TryGetValue(utf8, out var known)) return known;
        var text = Decode(utf8);
        if (utf8.Length <= MaxBytes && _texts.Dictionary.Count < MaxEntries) _texts[utf8] = text;
        return text;
    }

    public IReadOnlyDictionary<string, AttributeValue> Attributes(ReadOnlySpan<byte> utf8)
    {
        if (_maps.TryGetValue(utf8, out var known)) return known;
        var map = AttributeText.Read(Decode(utf8));
        if (utf8.Length <= MaxBytes && _maps.Dictionary.Count < MaxEntries) _maps[utf8] = map;
        return map;
    }

    private static string Decode(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException("a text of a span row is not UTF-8", e);
        }
    }

    private sealed class ByteContent : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly ByteContent Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
