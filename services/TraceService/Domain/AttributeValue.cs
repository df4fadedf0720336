namespace AirisEpm.TraceService.Domain;

/// <summary>
/// An attribute value kept with its type, because Jaeger's tags are typed (string, bool, int64,
/// float64, binary). Arrays and key-value lists are kept as their text with type
/// <see cref="AttributeType.String"/>, as Jaeger's own OTLP translation does.
/// <see cref="Text"/> is the invariant-culture form: "true"/"false", decimal integers, round-trip doubles, base64 bytes.
/// </summary>
public readonly record struct AttributeValue(AttributeType Type, string Text)
{
    public static AttributeValue Of(string text) => new(AttributeType.String, text);

    public override string ToString() => Text;
}

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The names are the value types of OTLP's AnyValue and Jaeger's tags.")]
public enum AttributeType : byte
{
    String = 0,
    Bool = 1,
    Int = 2,
    Double = 3,
    Bytes = 4,
}
