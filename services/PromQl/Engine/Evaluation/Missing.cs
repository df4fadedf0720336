namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>
/// The marker for "no sample at this step" in a series' per-step values: a signalling NaN that no arithmetic
/// produces (arithmetic quiets NaNs) and that loaded samples are scrubbed of (<see cref="Scrub"/>), so a
/// series needs one array, not an array and a bitmap.
/// </summary>
internal static class Missing
{
    public const ulong Bits = 0x7FF0_0000_0000_0A5E;

    public static readonly double Value = BitConverter.UInt64BitsToDouble(Bits);

    public static bool Is(double value) => BitConverter.DoubleToUInt64Bits(value) == Bits;

    /// <summary>An input value with the marker's bits (either sign) becomes an ordinary NaN.</summary>
    public static double Scrub(double value) =>
        (BitConverter.DoubleToUInt64Bits(value) & 0x7FFF_FFFF_FFFF_FFFF) == Bits ? double.NaN : value;

    public static double[] NewArray(int length)
    {
        var values = new double[length];
        values.AsSpan().Fill(Value);
        return values;
    }
}
