using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Storage;

/// <summary>
/// A typed attribute map as three parallel columns (keys, texts, types), keys in ordinal order. Searches
/// compare the text of one key, so a tag filter is one list lookup per span, and the types bring Jaeger's
/// typed tags back unchanged.
/// </summary>
public readonly record struct AttributeColumns(string[] Keys, string[] Values, byte[] Types)
{
    public static AttributeColumns From(IReadOnlyDictionary<string, AttributeValue> attributes)
    {
        var keys = new string[attributes.Count];
        var values = new string[attributes.Count];
        var types = new byte[attributes.Count];
        var i = 0;
        foreach (var (key, value) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            keys[i] = key;
            values[i] = value.Text;
            types[i] = (byte)value.Type;
            i++;
        }

        return new AttributeColumns(keys, values, types);
    }

    public static IReadOnlyDictionary<string, AttributeValue> ToDictionary(
        IReadOnlyList<string> keys, IReadOnlyList<string> values, IReadOnlyList<byte> types)
    {
        var attributes = new Dictionary<string, AttributeValue>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            attributes[keys[i]] = new AttributeValue((AttributeType)types[i], values[i]);
        }

        return attributes;
    }
}
