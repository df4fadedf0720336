namespace AirisEpm.PromQl.Model;

/// <summary>
/// Prometheus's staleness marker: a NaN with the bit pattern <c>0x7ff0000000000002</c>, written when a
/// series disappears. It ends the series for the lookback; it is never a value a function sees.
/// </summary>
public static class StaleMarker
{
    public const ulong Bits = 0x7ff0000000000002;

    public static readonly double Value = BitConverter.UInt64BitsToDouble(Bits);

    public static bool IsStale(double value) => BitConverter.DoubleToUInt64Bits(value) == Bits;
}
