using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Aggregation;

/// <summary>
/// sum, avg, min, max, count, group, stddev and stdvar, one pass per input series over its steps (the same
/// additions in the same order as Prometheus's step loop, so the same results to the bit). sum uses Kahan
/// summation; avg sums with Kahan and switches to an incremental mean only if the sum would overflow.
/// </summary>
internal static class SimpleAggregator
{
    public static List<StepSeries> Aggregate(
        AggregateOp op, List<StepSeries> input, int[] groupOf, List<LabelSet> keys, int steps, CancellationToken cancellationToken)
    {
        var value = new double[keys.Count][];
        for (var g = 0; g < keys.Count; g++)
        {
            value[g] = Missing.NewArray(steps);
        }

        var second = op is AggregateOp.Sum or AggregateOp.Avg or AggregateOp.Stddev or AggregateOp.Stdvar ? Arrays(keys.Count, steps) : null;
        var count = op is AggregateOp.Avg or AggregateOp.Stddev or AggregateOp.Stdvar ? Arrays(keys.Count, steps) : null;
        var incremental = op == AggregateOp.Avg ? new bool[keys.Count][] : null;
        if (incremental is not null)
        {
            for (var g = 0; g < keys.Count; g++)
            {
                incremental[g] = new bool[steps];
            }
        }

        for (var s = 0; s < input.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var g = groupOf[s];
            var x = input[s].Values;
            var v = value[g];
            switch (op)
            {
                case AggregateOp.Sum:
                    Sum(x, v, second![g]);
                    break;
                case AggregateOp.Avg:
                    Avg(x, v, second![g], count![g], incremental![g]);
                    break;
                case AggregateOp.Min:
                    MinMax(x, v, max: false);
                    break;
                case AggregateOp.Max:
                    MinMax(x, v, max: true);
                    break;
                case AggregateOp.Count:
                    Count(x, v, one: false);
                    break;
                case AggregateOp.Group:
                    Count(x, v, one: true);
                    break;
                default:
                    Variance(x, v, second![g], count![g]);
                    break;
            }
        }

        var output = new List<StepSeries>(keys.Count);
        for (var g = 0; g < keys.Count; g++)
        {
            var v = value[g];
            var any = false;
            for (var i = 0; i < steps; i++)
            {
                if (Missing.Is(v[i]))
                {
                    continue;
                }

                any = true;
                v[i] = op switch
                {
                    AggregateOp.Sum => v[i] + second![g][i],
                    AggregateOp.Avg => incremental![g][i] ? v[i] + second![g][i] : (v[i] / count![g][i]) + (second![g][i] / count[g][i]),
                    AggregateOp.Stdvar => v[i] / count![g][i],
                    AggregateOp.Stddev => Math.Sqrt(v[i] / count![g][i]),
                    _ => v[i],
                };
            }

            if (any)
            {
                output.Add(new StepSeries(keys[g], v));
            }
        }

        return output;
    }

    private static double[][] Arrays(int groups, int steps)
    {
        var arrays = new double[groups][];
        for (var g = 0; g < groups; g++)
        {
            arrays[g] = new double[steps];
        }

        return arrays;
    }

    private static void Sum(double[] x, double[] sum, double[] compensation)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var f = x[i];
            if (Missing.Is(f))
            {
                continue;
            }

            if (Missing.Is(sum[i]))
            {
                sum[i] = f;
            }
            else
            {
                KahanSum.Add(f, ref sum[i], ref compensation[i]);
            }
        }
    }

    /// <summary>Holds the Kahan sum in <paramref name="sumOrMean"/> until it would overflow, then the incremental mean.</summary>
    private static void Avg(double[] x, double[] sumOrMean, double[] compensation, double[] count, bool[] incremental)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var f = x[i];
            if (Missing.Is(f))
            {
                continue;
            }

            if (Missing.Is(sumOrMean[i]))
            {
                sumOrMean[i] = f;
                count[i] = 1;
                continue;
            }

            var n = ++count[i];
            if (!incremental[i])
            {
                var sum = sumOrMean[i];
                var c = compensation[i];
                KahanSum.Add(f, ref sum, ref c);
                if (!double.IsInfinity(sum))
                {
                    sumOrMean[i] = sum;
                    compensation[i] = c;
                    continue;
                }

                incremental[i] = true;
                sumOrMean[i] /= n - 1;
                compensation[i] /= n - 1;
            }

            var q = (n - 1) / n;
            var mean = q * sumOrMean[i];
            var meanCompensation = q * compensation[i];
            KahanSum.Add(f / n, ref mean, ref meanCompensation);
            sumOrMean[i] = mean;
            compensation[i] = meanCompensation;
        }
    }

    private static void MinMax(double[] x, double[] v, bool max)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var f = x[i];
            if (Missing.Is(f))
            {
                continue;
            }

            var current = v[i];
            if (Missing.Is(current) || double.IsNaN(current) || (max ? current < f : current > f))
            {
                v[i] = f;
            }
        }
    }

    private static void Count(double[] x, double[] v, bool one)
    {
        for (var i = 0; i < x.Length; i++)
        {
            if (!Missing.Is(x[i]))
            {
                v[i] = one ? 1 : Missing.Is(v[i]) ? 1 : v[i] + 1;
            }
        }
    }

    /// <summary>Welford's online variance, as Prometheus computes stddev/stdvar (a NaN or infinite first value poisons the group).</summary>
    private static void Variance(double[] x, double[] aux, double[] mean, double[] count)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var f = x[i];
            if (Missing.Is(f))
            {
                continue;
            }

            if (Missing.Is(aux[i]))
            {
                aux[i] = double.IsNaN(f) || double.IsInfinity(f) ? double.NaN : 0;
                mean[i] = f;
                count[i] = 1;
                continue;
            }

            var n = ++count[i];
            var delta = f - mean[i];
            mean[i] += delta / n;
            aux[i] += delta * (f - mean[i]);
        }
    }
}
