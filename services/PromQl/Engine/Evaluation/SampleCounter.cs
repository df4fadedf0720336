namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>
/// Prometheus's <c>currentSamples</c> (promql/engine.go): the points a query holds at once while it evaluates,
/// checked against <see cref="EngineOptions.MaxSamples"/>. A node's result is held until its parent's result
/// replaces it; a function over a range vector holds one series' window at a time beside the results so far; a node
/// Prometheus evaluates step by step (its <c>rangeEval</c>) also holds, at each step, the input points gathered for
/// that step. Raw samples read from the source are not counted, as Prometheus does not count what its chunk
/// iterators read.
/// </summary>
internal sealed class SampleCounter(long maxSamples)
{
    /// <summary>Prometheus's <c>ErrTooManySamples</c> text.</summary>
    public const string TooManySamplesMessage = "query processing would load too many samples into memory in query execution";

    /// <summary>Per node being evaluated: the points its inputs give at each step when it gathers them, else null.</summary>
    private readonly Stack<long[]?> _frames = new();

    public long Current { get; private set; }

    /// <summary>The most points held at once so far (what was compared with the limit).</summary>
    public long Peak { get; private set; }

    /// <summary>Counts <paramref name="samples"/> more points held; throws when the query holds too many.</summary>
    public void Hold(long samples)
    {
        Current += samples;
        Check(0);
    }

    /// <summary>Back to what was held at <paramref name="mark"/>: what was held since is released.</summary>
    public void ReleaseTo(long mark) => Current = mark;

    /// <summary>Fails when what is held plus <paramref name="transient"/> points held for a moment exceed the limit.</summary>
    public void Check(long transient)
    {
        var atOnce = Current + transient;
        Peak = Math.Max(Peak, atOnce);
        if (atOnce > maxSamples)
        {
            throw new PromQlException(PromQlErrorType.Execution, TooManySamplesMessage);
        }
    }

    /// <summary>Starts a node; one that <paramref name="gathers"/> its inputs step by step counts them per step.</summary>
    public void Enter(bool gathers, int steps) => _frames.Push(gathers ? new long[steps] : null);

    /// <summary>Ends the node started last; what its inputs gave per step, when it gathers them.</summary>
    public long[]? Exit() => _frames.Pop();

    /// <summary>An input of the node being evaluated: counted per step when that node gathers its inputs.</summary>
    public void Gather(EvalValue value)
    {
        if (_frames.TryPeek(out var gathered) && gathered is not null)
        {
            AddPerStep(value, gathered);
        }
    }

    /// <summary>
    /// A node evaluated step by step: at step <c>s</c> it holds its inputs' results, its own output of the steps up to
    /// <c>s</c> and the input points gathered for <c>s</c> (Prometheus's <c>rangeEval</c>).
    /// </summary>
    public void CheckSteps(long[] gathered, EvalValue output)
    {
        var produced = new long[gathered.Length];
        AddPerStep(output, produced);
        long sofar = 0, most = 0;
        for (var s = 0; s < gathered.Length; s++)
        {
            sofar += produced[s];
            most = Math.Max(most, sofar + gathered[s]);
        }

        Check(most);
    }

    private static void AddPerStep(EvalValue value, long[] perStep)
    {
        switch (value)
        {
            case ScalarResult scalar:
                for (var s = 0; s < perStep.Length && s < scalar.Values.Length; s++)
                {
                    perStep[s]++;
                }

                break;
            case VectorResult vector:
                foreach (var series in vector.Series)
                {
                    var values = series.Values;
                    for (var s = 0; s < perStep.Length && s < values.Length; s++)
                    {
                        if (!Missing.Is(values[s]))
                        {
                            perStep[s]++;
                        }
                    }
                }

                break;
        }
    }
}
