namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>Prometheus's <c>kahansum.Inc</c>: Kahan-Babuška-Neumaier compensated addition, the compensation reset at infinity.</summary>
internal static class KahanSum
{
    public static void Add(double increment, ref double sum, ref double compensation)
    {
        var t = sum + increment;
        if (double.IsInfinity(t))
        {
            compensation = 0;
        }
        else if (Math.Abs(sum) >= Math.Abs(increment))
        {
            compensation += (sum - t) + increment;
        }
        else
        {
            compensation += (increment - t) + sum;
        }

        sum = t;
    }
}
