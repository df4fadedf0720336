using AirisEpm.Protocols;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Storage.DuckDb;
using CsCheck;

namespace AirisEpm.TraceService.Tests.Storage;

/// <summary>The attribute text of the embedded store: it reads back what it wrote, and a tag pattern finds exactly its entry.</summary>
public sealed class AttributeTextTests
{
    // Keys and values drawn from a small alphabet that includes the separators and the escape, so collisions are likely.
    private static readonly Gen<string> Text = Gen.Char["ab=\u001D\u001E\u001F\u0001\u0002\u0003é"].Array[0, 6].Select(c => new string(c));

    private static readonly Gen<Dictionary<string, AttributeValue>> Maps =
        Gen.Select(Text, Text, Gen.Byte[0, 4]).Array[0, 6].Select(entries =>
        {
            var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
            foreach (var (k, v, t) in entries) map[k] = new AttributeValue((AttributeType)t, v);
            return map;
        });

    [Fact]
    public void A_map_reads_back_as_written()
    {
        Maps.Sample(map =>
        {
            var read = AttributeText.Read(Write(map));
            Assert.Equal(map.OrderBy(e => e.Key, StringComparer.Ordinal), read.OrderBy(e => e.Key, StringComparer.Ordinal));
        }, iter: 2000);
    }

    [Fact]
    public void A_pattern_is_in_the_text_exactly_when_the_map_has_that_key_with_that_text()
    {
        Gen.Select(Maps, Text, Text).Sample((map, key, value) =>
        {
            var expected = map.TryGetValue(key, out var v) && v.Text == value;
            Assert.Equal(expected, Write(map).Contains(AttributeText.Pattern(key, value), StringComparison.Ordinal));
        }, iter: 5000);
    }

    [Fact]
    public void Text_it_did_not_write_is_invalid_data_never_another_exception()
    {
        Gen.String.Sample(text =>
        {
            try
            {
                AttributeText.Read(text);
            }
            catch (InvalidDataException)
            {
            }
        }, iter: 2000);
        Assert.Throws<InvalidDataException>(() => AttributeText.Read("\u001Fk\u001Ev\u001E9\u001F"));
        Assert.Throws<InvalidDataException>(() => AttributeText.Read("\u001Fk\u001Ev\u001F"));
    }

    private static string Write(Dictionary<string, AttributeValue> map)
    {
        using var buffer = new PooledBuffer(64);
        AttributeText.Write(map, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.Span);
    }
}
