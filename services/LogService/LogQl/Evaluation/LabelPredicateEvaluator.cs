using System.Globalization;
using AirisEpm.GoTemplates;
using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.LogService.LogQl.Syntax;

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
                if (!TryRead(value, number.Unit, out var read))
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

    private static bool TryRead(string value, NumericUnit unit, out double read)
    {
        read = 0;
        switch (unit)
        {
            case NumericUnit.Duration:
                // Go's time.ParseDuration, as Loki's duration filter: no days or weeks in label values.
                if (!GoDuration.TryParse(value, out var ns, out _)) return false;
                read = ns / 1e9;
                return true;
            case NumericUnit.Bytes:
                return ByteSize.TryParseValue(value, out read);
            default:
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out read);
        }
    }
}
