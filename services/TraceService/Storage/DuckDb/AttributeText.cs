using System.Buffers;
using System.Text;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Storage.DuckDb;

/// <summary>
/// A typed attribute map as one text column, searchable with one substring test:
/// <code>
///   text  = US { key RS value RS typeDigit US }        (US = U+001F, RS = U+001E; "US" alone when empty)
///   match = contains(text, US key RS value RS)         (the tag key=value, whatever its type)
/// </code>
/// Keys and values are escaped (<c>GS</c> = U+001D as <c>GS 1</c>, <c>RS</c> as <c>GS 2</c>, <c>US</c> as <c>GS 3</c>), so
/// they never hold a separator: a match starts at an entry's US and ends at its type separator, so it is exactly one
/// entry with that key and text. One VARCHAR instead of three LIST columns costs DuckDB's appender a sixth as much
/// and compresses as well (per-column dictionary/FSST); the type digit brings Jaeger's typed tags back unchanged.
/// </summary>
internal static class AttributeText
{
    private const char Escape = '\u001D';
    private const char Field = '\u001E';
    private const char Entry = '\u001F';
    private static readonly SearchValues<char> Special = SearchValues.Create([Escape, Field, Entry]);

    /// <summary>Writes the text of <paramref name="attributes"/> as UTF-8.</summary>
    public static void Write(IReadOnlyDictionary<string, AttributeValue> attributes, IBufferWriter<byte> output)
    {
        WriteChar(Entry, output);
        foreach (var (key, value) in attributes)
        {
            WriteEscaped(key, output);
            WriteChar(Field, output);
            WriteEscaped(value.Text, output);
            WriteChar(Field, output);
            WriteChar((char)('0' + (byte)value.Type), output);
            WriteChar(Entry, output);
        }
    }

    /// <summary>The text to look for in a column (<c>contains</c>): an entry with this key and this value, of any type.</summary>
    public static string Pattern(string key, string value)
    {
        var builder = new StringBuilder(key.Length + value.Length + 3).Append(Entry);
        AppendEscaped(builder, key).Append(Field);
        return AppendEscaped(builder, value).Append(Field).ToString();
    }

    /// <summary>The map back from its text; throws <see cref="InvalidDataException"/> on text this class did not write.</summary>
    public static Dictionary<string, AttributeValue> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text[0] != Entry) throw new InvalidDataException("attribute text does not start with its separator");
        var attributes = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        var rest = text.AsSpan(1);
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf(Entry);
            if (end < 0) throw new InvalidDataException("attribute text ends inside an entry");
            var entry = rest[..end];
            var keyEnd = entry.IndexOf(Field);
            var typeStart = entry.LastIndexOf(Field);
            if (keyEnd < 0 || typeStart == keyEnd || typeStart != entry.Length - 2 || entry[^1] is < '0' or > '4')
            {
                throw new InvalidDataException("an attribute entry is not key, value and type");
            }

            attributes[Unescape(entry[..keyEnd])] = new AttributeValue((AttributeType)(entry[^1] - '0'), Unescape(entry[(keyEnd + 1)..typeStart]));
            rest = rest[(end + 1)..];
        }

        return attributes;
    }

    private static void WriteEscaped(string text, IBufferWriter<byte> output)
    {
        if (text.AsSpan().IndexOfAny(Special) < 0)
        {
            Encoding.UTF8.GetBytes(text, output);
            return;
        }

        Encoding.UTF8.GetBytes(AppendEscaped(new StringBuilder(text.Length + 4), text).ToString(), output);
    }

    private static StringBuilder AppendEscaped(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                Escape => builder.Append(Escape).Append('\u0001'),
                Field => builder.Append(Escape).Append('\u0002'),
                Entry => builder.Append(Escape).Append('\u0003'),
                _ => builder.Append(c),
            };
        }

        return builder;
    }

    private static string Unescape(ReadOnlySpan<char> text)
    {
        if (text.IndexOf(Escape) < 0) return text.ToString();
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != Escape)
            {
                builder.Append(text[i]);
                continue;
            }

            if (++i >= text.Length) throw new InvalidDataException("attribute text ends inside an escape");
            builder.Append(text[i] switch
            {
                '\u0001' => Escape,
                '\u0002' => Field,
                '\u0003' => Entry,
                _ => throw new InvalidDataException("unknown escape in attribute text"),
            });
        }

        return builder.ToString();
    }

    private static void WriteChar(char c, IBufferWriter<byte> output)
    {
        output.GetSpan(1)[0] = (byte)c;
        output.Advance(1);
    }
}
