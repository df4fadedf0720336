using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQlTest.Scripts;

/// <summary>
/// Sample equality as promqltest checks it (Prometheus's <c>util/almost.Equal</c>): a relative error below
/// <see cref="Epsilon"/>, NaN equal to NaN, the stale marker equal only to itself.
/// </summary>
public static class FloatComparison
{
    public const double Epsilon = 1e-6;

    private static readonly double MinNormal = BitConverter.UInt64BitsToDouble(0x0010000000000000);

    public static bool AlmostEqual(double a, double b, double epsilon = Epsilon)
    {
        if (StaleMarker.IsStale(a) || StaleMarker.IsStale(b))
        {
            return StaleMarker.IsStale(a) && StaleMarker.IsStale(b);
        }

        if (double.IsNaN(a) && double.IsNaN(b))
        {
            return true;
        }

        if (a == b)
        {
            return true;
        }

        var absSum = Math.Abs(a) + Math.Abs(b);
        var diff = Math.Abs(a - b);
        if (a == 0 || b == 0 || absSum < MinNormal)
        {
            return diff < epsilon * MinNormal;
        }

        return diff / Math.Min(absSum, double.MaxValue) < epsilon;
    }
}
