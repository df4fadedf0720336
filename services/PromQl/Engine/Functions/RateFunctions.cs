namespace AirisEpm.PromQl.Engine.Functions;

/// <summary>
/// rate, increase, delta (Prometheus's extrapolation to the window's edges) and irate, idelta (the last two
/// samples). Counters add the value before each drop, Prometheus's counter-reset rule.
/// </summary>
internal static class RateFunctions
{
    public static bool Rate(ReadOnlySpan<Point> window, in RangeStep step, out double value) =>
        Extrapolated(window, step, isCounter: true, isRate: true, out value);

    public static bool Increase(ReadOnlySpan<Point> window, in RangeStep step, out double value) =>
        Extrapolated(window, step, isCounter: true, isRate: false, out value);

    public static bool Delta(ReadOnlySpan<Point> window, in RangeStep step, out double value) =>
        Extrapolated(window, step, isCounter: false, isRate: false, out value);

    public static bool Irate(ReadOnlySpan<Point> window, in RangeStep step, out double value) =>
        Instant(window, isRate: true, out value);

    public static bool Idelta(ReadOnlySpan<Point> window, in RangeStep step, out double value) =>
        Instant(window, isRate: false, out value);

    /// <summary>
    /// The change over the window, extrapolated to its edges when the first/last sample is within 1.1 average
    /// intervals of them (else by half an interval), never extrapolating a counter below zero.
    /// </summary>
    public static bool Extrapolated(ReadOnlySpan<Point> window, in RangeStep step, bool isCounter, bool isRate, out double value)
    {
        value = 0;
        if (window.Length < 2)
        {
            return false;
        }

        var first = window[0];
        var last = window[^1];
        var result = last.V - first.V;
        if (isCounter && step.Drops > 0)
        {
            for (var i = 1; i < window.Length; i++)
            {
                if (window[i].V < window[i - 1].V)
                {
                    result += window[i - 1].V;
                }
            }
        }

        var durationToStart = (first.T - step.Start) / 1000.0;
        var durationToEnd = (step.End - last.T) / 1000.0;
        var sampledInterval = (last.T - first.T) / 1000.0;
        var averageInterval = sampledInterval / (window.Length - 1);
        var threshold = averageInterval * 1.1;
        if (durationToStart >= threshold)
        {
            durationToStart = averageInterval / 2;
        }

        if (isCounter)
        {
            // A counter starts at zero: extrapolate no further back than where it would have been zero.
            var durationToZero = durationToStart;
            if (result > 0 && first.V >= 0)
            {
                durationToZero = sampledInterval * (first.V / result);
            }

            if (durationToZero < durationToStart)
            {
                durationToStart = durationToZero;
            }
        }

        if (durationToEnd >= threshold)
        {
            durationToEnd = averageInterval / 2;
        }

        var factor = 1.0;
        if (sampledInterval != 0)
        {
            factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval;
        }

        if (isRate)
        {
            factor /= step.RangeSeconds;
        }

        value = result * factor;
        return true;
    }

    private static bool Instant(ReadOnlySpan<Point> window, bool isRate, out double value)
    {
        value = 0;
        if (window.Length < 2)
        {
            return false;
        }

        var previous = window[^2];
        var last = window[^1];
        var interval = last.T - previous.T;
        if (interval == 0)
        {
            return false;
        }

        // After a counter reset the last value is the increase since the reset.
        value = isRate && last.V < previous.V ? last.V : last.V - previous.V;
        if (isRate)
        {
            value /= interval / 1000.0;
        }

        return true;
    }
}
