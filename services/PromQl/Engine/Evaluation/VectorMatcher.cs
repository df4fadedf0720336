using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>
/// Vector/vector binary operators with Prometheus's matching: series pair up by their signature (the <c>on</c>
/// labels, or every label but the <c>ignoring</c> ones and the name), step by step. Signatures are computed
/// once per series, not per step; errors are the ones Prometheus's step loop would raise first.
/// </summary>
internal sealed class VectorMatcher(VectorMatching matching, int steps, CancellationToken cancellationToken)
{
    private const string ManyToOneMustBeExplicit = "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)";
    private const string GroupingMustBeUnique = "multiple matches for labels: grouping labels must ensure unique matches";

    private readonly HashSet<string> _matchingNames = matching.On
        ? [.. matching.MatchingLabels]
        : [.. matching.MatchingLabels, LabelSet.MetricName];

    public LabelSet Signature(LabelSet metric) => matching.On ? metric.Keep(_matchingNames) : metric.Without(_matchingNames);

    public List<StepSeries> And(List<StepSeries> lhs, List<StepSeries> rhs) => Filter(lhs, rhs, keepMatched: true);

    public List<StepSeries> Unless(List<StepSeries> lhs, List<StepSeries> rhs) => Filter(lhs, rhs, keepMatched: false);

    /// <summary>All of the left; of the right, what has no left series of its signature at that step.</summary>
    public List<StepSeries> Or(List<StepSeries> lhs, List<StepSeries> rhs)
    {
        var leftPresence = Presence(lhs);
        var output = new List<StepSeries>(lhs.Count + rhs.Count);
        output.AddRange(lhs);
        foreach (var series in rhs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            leftPresence.TryGetValue(Signature(series.Metric), out var covered);
            if (covered is null)
            {
                output.Add(series);
                continue;
            }

            var values = new double[steps];
            var any = false;
            for (var i = 0; i < steps; i++)
            {
                values[i] = covered[i] ? Missing.Value : series.Values[i];
                any |= !Missing.Is(values[i]);
            }

            if (any)
            {
                output.Add(new StepSeries(series.Metric, values));
            }
        }

        return SeriesMerger.MergeSameLabels(output);
    }

    /// <summary>Arithmetic and comparisons: one-to-one, many-to-one (<c>group_left</c>) or one-to-many (<c>group_right</c>).</summary>
    public List<StepSeries> Arithmetic(BinaryOp op, List<StepSeries> lhsInput, List<StepSeries> rhsInput, bool returnBool)
    {
        // One-to-many is many-to-one with the sides swapped; "one" is always the right side below.
        var swapped = matching.Card == VectorMatchCardinality.OneToMany;
        var many = swapped ? rhsInput : lhsInput;
        var one = swapped ? lhsInput : rhsInput;
        var oneToOne = matching.Card == VectorMatchCardinality.OneToOne;

        var signatures = new Dictionary<LabelSet, int>();
        var oneSignatures = new List<LabelSet>();
        var manyBySignature = new List<List<int>>();
        var oneBySignature = new List<List<int>>();
        int SignatureIndex(LabelSet metric)
        {
            var signature = Signature(metric);
            if (!signatures.TryGetValue(signature, out var index))
            {
                index = signatures.Count;
                signatures[signature] = index;
                oneSignatures.Add(signature);
                manyBySignature.Add([]);
                oneBySignature.Add([]);
            }

            return index;
        }

        for (var i = 0; i < many.Count; i++)
        {
            manyBySignature[SignatureIndex(many[i].Metric)].Add(i);
        }

        for (var i = 0; i < one.Count; i++)
        {
            oneBySignature[SignatureIndex(one[i].Metric)].Add(i);
        }

        var bothPresent = AnyPresent(many);
        var onePresent = AnyPresent(one);
        for (var i = 0; i < steps; i++)
        {
            bothPresent[i] &= onePresent[i];
        }

        var errors = new FirstError();
        var output = new OutputBuilder(steps, errors);
        var metrics = new Dictionary<(int Many, int One), LabelSet>();
        var dropName = returnBool || BinaryOps.DropsName(op);
        HashSet<LabelSet>? inserted = null;
        for (var g = 0; g < signatures.Count; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ones = oneBySignature[g];
            var manys = manyBySignature[g];
            if (ones.Count == 0 || (manys.Count == 0 && ones.Count == 1))
            {
                continue;
            }

            for (var i = 0; i < steps; i++)
            {
                if (!bothPresent[i])
                {
                    continue;
                }

                var match = -1;
                foreach (var candidate in ones)
                {
                    if (Missing.Is(one[candidate].Values[i]))
                    {
                        continue;
                    }

                    if (match >= 0)
                    {
                        errors.Offer(i, 0, candidate, DuplicateMessage(oneSignatures[g], one[candidate].Metric, one[match].Metric, swapped));
                        continue;
                    }

                    match = candidate;
                }

                if (match < 0 || manys.Count == 0)
                {
                    continue;
                }

                var matched = 0;
                inserted?.Clear();
                foreach (var m in manys)
                {
                    var v = many[m].Values[i];
                    if (Missing.Is(v))
                    {
                        continue;
                    }

                    var w = one[match].Values[i];
                    var (result, keep) = swapped ? BinaryOps.Apply(op, w, v) : BinaryOps.Apply(op, v, w);
                    if (returnBool)
                    {
                        result = keep ? 1 : 0;
                    }

                    if (!metrics.TryGetValue((m, match), out var metric))
                    {
                        metric = ResultMetric(many[m].Metric, one[match].Metric, dropName, oneToOne);
                        metrics[(m, match)] = metric;
                    }

                    if (oneToOne)
                    {
                        if (matched++ > 0)
                        {
                            errors.Offer(i, 1, m, ManyToOneMustBeExplicit);
                        }
                    }
                    else if (!(inserted ??= []).Add(metric))
                    {
                        errors.Offer(i, 1, m, GroupingMustBeUnique);
                    }

                    if (keep || returnBool)
                    {
                        output.Add(metric, i, result, m);
                    }
                }
            }
        }

        errors.ThrowIfAny();
        return output.Build();
    }

    private List<StepSeries> Filter(List<StepSeries> lhs, List<StepSeries> rhs, bool keepMatched)
    {
        var rightPresence = Presence(rhs);
        var output = new List<StepSeries>(lhs.Count);
        foreach (var series in lhs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rightPresence.TryGetValue(Signature(series.Metric), out var matched);
            if (matched is null)
            {
                if (!keepMatched)
                {
                    output.Add(series);
                }

                continue;
            }

            var values = new double[steps];
            var any = false;
            for (var i = 0; i < steps; i++)
            {
                values[i] = matched[i] == keepMatched ? series.Values[i] : Missing.Value;
                any |= !Missing.Is(values[i]);
            }

            if (any)
            {
                output.Add(new StepSeries(series.Metric, values));
            }
        }

        return output;
    }

    /// <summary>For each signature, the steps at which any of its series has a value.</summary>
    private Dictionary<LabelSet, bool[]> Presence(List<StepSeries> series)
    {
        var presence = new Dictionary<LabelSet, bool[]>();
        foreach (var s in series)
        {
            var signature = Signature(s.Metric);
            if (!presence.TryGetValue(signature, out var present))
            {
                present = new bool[steps];
                presence[signature] = present;
            }

            for (var i = 0; i < steps; i++)
            {
                present[i] |= !Missing.Is(s.Values[i]);
            }
        }

        return presence;
    }

    private bool[] AnyPresent(List<StepSeries> series)
    {
        var present = new bool[steps];
        foreach (var s in series)
        {
            for (var i = 0; i < steps; i++)
            {
                present[i] |= !Missing.Is(s.Values[i]);
            }
        }

        return present;
    }

    /// <summary>Prometheus's <c>resultMetric</c>: the "many" side's labels, reduced for one-to-one, plus the <c>group_x</c> labels from the "one" side.</summary>
    private LabelSet ResultMetric(LabelSet many, LabelSet one, bool dropName, bool oneToOne)
    {
        var metric = dropName ? QueryContext.DropName(many) : many;
        if (oneToOne)
        {
            metric = matching.On ? metric.Keep([.. matching.MatchingLabels]) : metric.Without([.. matching.MatchingLabels]);
        }

        foreach (var name in matching.Include)
        {
            var value = one[name];
            metric = value is not null ? metric.With(name, value) : metric.Without([name]);
        }

        return metric;
    }

    private static string DuplicateMessage(LabelSet signature, LabelSet current, LabelSet earlier, bool swapped)
    {
        var first = LabelText.GoString(current);
        var second = LabelText.GoString(earlier);
        if (string.CompareOrdinal(first, second) > 0)
        {
            (first, second) = (second, first);
        }

        var side = swapped ? "left" : "right";
        return $"found duplicate series for the match group {LabelText.GoString(signature)} on the {side} hand-side of the operation: [{first}, {second}];many-to-many matching not allowed: matching labels must be unique on one side";
    }
}
