namespace AirisEpm.AlertService.Domain.Rules;

/// <summary>
/// Pure evaluation of a condition tree over leaf results, in a four-valued logic where a
/// decided answer beats an unknown one:
/// <code>
///   all: any False → False; else any Error → Error; else any NoData → NoData; else True
///   any: any True  → True;  else any Error → Error; else any NoData → NoData; else False
///   not: True ↔ False; NoData and Error unchanged
/// </code>
/// A leaf without a result counts as Error. <c>$value</c> is the value of the first leaf (tree
/// order) that is True, else of the first leaf that has a value.
/// </summary>
public static class ConditionEvaluator
{
    public static TreeResult Evaluate(ConditionNode tree, IReadOnlyDictionary<string, LeafResult> leafResults)
    {
        var outcome = Outcome(tree, leafResults);
        var leaves = tree.Leaves().Select(l => leafResults.GetValueOrDefault(l.Id)).ToList();
        var value = leaves.FirstOrDefault(r => r is { Outcome: ConditionOutcome.True, Value: not null })?.Value
            ?? leaves.FirstOrDefault(r => r?.Value is not null)?.Value;
        var error = outcome == ConditionOutcome.Error
            ? tree.Leaves().Select(l => leafResults.TryGetValue(l.Id, out var r) ? r.Error : $"no result for leaf \"{l.Id}\"").FirstOrDefault(e => e is not null)
            : null;
        return new TreeResult(outcome, value, error);
    }

    private static ConditionOutcome Outcome(ConditionNode node, IReadOnlyDictionary<string, LeafResult> results) => node switch
    {
        LeafCondition leaf => results.TryGetValue(leaf.Id, out var r) ? r.Outcome : ConditionOutcome.Error,
        AllCondition all => Combine(all.Children.Select(c => Outcome(c, results)).ToList(), decisive: ConditionOutcome.False, otherwise: ConditionOutcome.True),
        AnyCondition any => Combine(any.Children.Select(c => Outcome(c, results)).ToList(), decisive: ConditionOutcome.True, otherwise: ConditionOutcome.False),
        NotCondition not => Outcome(not.Child, results) switch
        {
            ConditionOutcome.True => ConditionOutcome.False,
            ConditionOutcome.False => ConditionOutcome.True,
            var unknown => unknown,
        },
        _ => ConditionOutcome.Error,
    };

    private static ConditionOutcome Combine(List<ConditionOutcome> outcomes, ConditionOutcome decisive, ConditionOutcome otherwise)
    {
        if (outcomes.Contains(decisive)) return decisive;
        if (outcomes.Contains(ConditionOutcome.Error)) return ConditionOutcome.Error;
        if (outcomes.Contains(ConditionOutcome.NoData)) return ConditionOutcome.NoData;
        return otherwise;
    }
}
