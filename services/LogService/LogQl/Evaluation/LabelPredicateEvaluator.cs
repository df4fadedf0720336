using AirisEpm.LogService.LogQl.Ast;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// Tests a label filter against one line's labels with Loki's semantics: string matchers compare an
/// absent label as empty; numeric, duration and size comparisons drop a line without the label and keep
/// a line whose value does not read, marking it <c>__error__="LabelFilterErr"</c>; <c>or</c> stops at
/// the first side that holds.
/// </summary>
public static class LabelPredicateEvaluator
{
    public const string ErrorName = "LabelFilterErr";

    public static bool Holds(LabelPredicate predicate, LineLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        switch (predicate)
        {
            case StringLabelPredicate text:
                return text.Matcher.Matches(labels.Lookup(text.Matcher.Name));
            case NumericLabelPredicate number:
                if (labels.Lookup(number.Name) is not { } value) return false;
                var conversion = number.Unit switch
                {
                    NumericUnit.Duration => UnwrapConversion.Duration,
                    NumericUnit.Bytes => UnwrapConversion.Bytes,
                    _ => UnwrapConversion.Number,
                };
                if (!UnwrapValues.TryConvert(value, conversion, out var read, out _))
                {
                    labels.SetError(ErrorName, $"cannot read '{value}' of label {number.Name} as a {number.Unit.ToString().ToLowerInvariant()}");
                    return true;
                }

                return number.Operator.Holds(read, number.Value);
            case BinaryLabelPredicate { And: true } and:
                var left = Holds(and.Left, labels);
                return Holds(and.Right, labels) && left;
            case BinaryLabelPredicate or:
                return Holds(or.Left, labels) || Holds(or.Right, labels);
            default:
                throw new ArgumentException($"unknown predicate {predicate?.GetType().Name}", nameof(predicate));
        }
    }
}
