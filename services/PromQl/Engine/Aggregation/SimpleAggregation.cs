using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Aggregation;

/// <summary>
/// sum, avg, min, max, count, group, stddev and stdvar, one pass per input series over its steps (the same
/// additions in the same order as Prometheus's step loop, so the same results to the bit). sum uses Kahan
/// summation; avg sums with Kahan and switches to an incremental mean only if the sum would overflow. Series come
/// one at a time (<see cref="ISeriesSink"/>), so a function over a range vector can stream its results in; groups
/// are numbered as their first series arrives, Prometheus's output order.
/// </summary>
internal sealed class SimpleAggregation(AggregateOp op, Grouping grouping, int steps, CancellationToken cancellationToken) : ISeriesSink
{
    private readonly Dictionary<LabelSet, int> _groupOf = [];
    private readonly List<LabelSet> _keys = [];
    private readonly List<double[]> _value = [];
    private readonly List<double[]> _second = [];
    private readonly List<double[]> _count = [];
    private readonly List<bool[]> _incremental = [];
    private double[]? _buffer;

    public double[] Rent(int length)
    {
        _buffer ??= new double[length];
        _buffer.AsSpan().Fill(Missing.Value);
        return _buffer;
    }

    public void Accept(LabelSet metric, double[] x)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var g = GroupOf(grouping.KeyOf(metric));
        var v = _value[g];
        switch (op)
        {
            case AggregateOp.Sum:
                Sum(x, v, _second[g]);
                break;
            case AggregateOp.Avg:
                Avg(x, v, _second[g], _count[g], _incremental[g]);
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
                Variance(x, v, _second[g], _count[g]);
                break;
        }
    }

    /// <summary>One series per group that had a sample, in the groups' order.</summary>
    public List<StepSeries> Result()
    {
        var output = new List<StepSeries>(_keys.Count);
        for (var g = 0; g < _keys.Count; g++)
        {
            var v = _value[g];
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
                    AggregateOp.Sum => v[i] + _second[g][i],
                    AggregateOp.Avg => _incremental[g][i] ? v[i] + _second[g][i] : (v[i] / _count[g][i]) + (_second[g][i] / _count[g][i]),
                    AggregateOp.Stdvar => v[i] / _count[g][i],
                    AggregateOp.Stddev => Math.Sqrt(v[i] / _count[g][i]),
                    _ => v[i],
                };
            }

            if (any)
            {
                output.Add(new StepSeries(_keys[g], v));
            }
        }

        return output;
    }

    private int GroupOf(LabelSet key)
    {
        if (_groupOf.TryGetValue(key, out var g))
        {
            return g;
        }

        g = _keys.Count;
        _groupOf[key] = g;
        _keys.Add(key);
        _value.Add(Missing.NewArray(steps));
        if (op is AggregateOp.Sum or AggregateOp.Avg or AggregateOp.Stddev or AggregateOp.Stdvar)
        {
            _second.Add(new double[steps]);
        }

        if (op is AggregateOp.Avg or AggregateOp.Stddev or AggregateOp.Stdvar)
        {
            _count.Add(new double[steps]);
        }

        if (op == AggregateOp.Avg)
        {
            _incremental.Add(new bool[steps]);
        }

        return g;
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
