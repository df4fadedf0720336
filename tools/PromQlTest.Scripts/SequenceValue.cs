namespace AirisEpm.PromQlTest.Scripts;

/// <summary>One position of a series description: a value (possibly the stale marker) or <c>_</c>, no sample.</summary>
public readonly record struct SequenceValue(double Value, bool Omitted)
{
    public static readonly SequenceValue Missing = new(0, true);

    public static SequenceValue Of(double value) => new(value, false);
}
