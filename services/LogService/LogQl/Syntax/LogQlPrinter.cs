using System.Globalization;
using System.Text;
using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.PromQl.Model;
using VectorMatchCardinality = AirisEpm.PromQl.Ast.VectorMatchCardinality;
using VectorMatching = AirisEpm.PromQl.Ast.VectorMatching;

namespace AirisEpm.LogService.LogQl.Syntax;

/// <summary>
/// Writes a query tree back as LogQL, in one canonical form close to Loki's own printing
/// (<c>{a="b", c=~"d"} |= "x" | json | status>=500</c>, <c>sum by (level) (count_over_time({…}[5m]))</c>),
/// with parentheses only where precedence needs them. Parsing the output gives the same tree, and
/// printing that gives the same text.
/// </summary>
public static class LogQlPrinter
{
    public static string Print(LogQlExpr expr)
    {
        ArgumentNullException.ThrowIfNull(expr);
        var builder = new StringBuilder();
        Write(builder, expr);
        return builder.ToString();
    }

    public static string Print(LabelPredicate predicate)
    {
        var builder = new StringBuilder();
        Write(builder, predicate);
        return builder.ToString();
    }

    private static void Write(StringBuilder b, LogQlExpr expr)
    {
        switch (expr)
        {
            case LogSelectorExpr log:
                b.Append('{').AppendJoin(", ", log.Matchers).Append('}');
                foreach (var stage in log.Stages)
                {
                    b.Append(' ');
                    Write(b, stage);
                }

                break;
            case RangeAggregationExpr range:
                b.Append(range.Function.Name).Append('(');
                if (range.Parameter is { } parameter) b.Append(parameter.ToString("R", CultureInfo.InvariantCulture)).Append(", ");
                Write(b, range.Range.Selector);
                if (range.Range.Unwrap is { } unwrap) Write(b, unwrap);
                b.Append('[').Append(LogQlDuration.Format(range.Range.RangeNs)).Append(']');
                if (range.Range.OffsetNs != 0) b.Append(" offset ").Append(LogQlDuration.Format(range.Range.OffsetNs));
                b.Append(')');
                if (range.Grouping is { } rangeGrouping) b.Append(rangeGrouping.Without ? " without (" : " by (").AppendJoin(", ", rangeGrouping.Labels).Append(')');
                break;
            case VectorAggregationExpr vector:
                b.Append(vector.Function.Name);
                if (vector.Grouping is { } grouping)
                {
                    b.Append(grouping.Without ? " without (" : " by (").AppendJoin(", ", grouping.Labels).Append(") ");
                }

                b.Append('(');
                if (vector.Parameter is { } k) b.Append(k.ToString(CultureInfo.InvariantCulture)).Append(", ");
                Write(b, vector.Inner);
                b.Append(')');
                break;
            case BinaryExpr binary:
                WriteOperand(b, binary.Left, NeedsParentheses(binary.Left, binary.Operator, right: false));
                b.Append(' ').Append(binary.Operator.Symbol()).Append(binary.ReturnBool ? " bool " : " ");
                if (binary.Matching is { } matching) Write(b, matching);
                WriteOperand(b, binary.Right, NeedsParentheses(binary.Right, binary.Operator, right: true));
                break;
            case NumberLiteral number:
                b.Append(number.Value.ToString("R", CultureInfo.InvariantCulture));
                break;
            case LabelReplaceExpr replace:
                b.Append("label_replace(");
                Write(b, replace.Inner);
                foreach (var text in (string[])[replace.Destination, replace.Replacement, replace.Source, replace.Regex]) b.Append(", ").Append(PromQlString.Quote(text));
                b.Append(')');
                break;
            case VectorLiteral vector:
                b.Append("vector(").Append(vector.Value.ToString("R", CultureInfo.InvariantCulture)).Append(')');
                break;
            default:
                throw new ArgumentException($"unknown expression {expr.GetType().Name}", nameof(expr));
        }
    }

    private static void Write(StringBuilder b, PipelineStage stage)
    {
        switch (stage)
        {
            case LineFilterStage filter:
                b.Append(LineFilterStage.Symbol(filter.Operator)).Append(' ').Append(PromQlString.Quote(filter.Value));
                break;
            case JsonParserStage:
                b.Append("| json");
                break;
            case LogfmtParserStage:
                b.Append("| logfmt");
                break;
            case LabelFilterStage labels:
                b.Append("| ");
                Write(b, labels.Predicate);
                break;
            case UnpackParserStage:
                b.Append("| unpack");
                break;
            case RegexpParserStage regexp:
                b.Append("| regexp ").Append(PromQlString.Quote(regexp.Pattern));
                break;
            case PatternParserStage pattern:
                b.Append("| pattern ").Append(PromQlString.Quote(pattern.Text));
                break;
            case LineFormatStage format:
                b.Append("| line_format ").Append(PromQlString.Quote(format.Template.Text));
                break;
            case LabelFormatStage format:
                b.Append("| label_format ").AppendJoin(", ", format.Formats.Select(f => f.Name + "=" + (f.Template is null ? f.Source : PromQlString.Quote(f.Source))));
                break;
            case DecolorizeStage:
                b.Append("| decolorize");
                break;
            case DropLabelsStage drop:
                b.Append("| drop ").AppendJoin(", ", drop.Labels.Select(Selection));
                break;
            case KeepLabelsStage keep:
                b.Append("| keep ").AppendJoin(", ", keep.Labels.Select(Selection));
                break;
            default:
                throw new ArgumentException($"unknown stage {stage.GetType().Name}", nameof(stage));
        }
    }

    private static void Write(StringBuilder b, VectorMatching matching)
    {
        b.Append(matching.On ? "on (" : "ignoring (").AppendJoin(", ", matching.MatchingLabels).Append(") ");
        if (matching.Card is VectorMatchCardinality.ManyToOne or VectorMatchCardinality.OneToMany)
        {
            b.Append(matching.Card == VectorMatchCardinality.ManyToOne ? "group_left" : "group_right");
            if (matching.Include.Count > 0) b.Append(" (").AppendJoin(", ", matching.Include).Append(')');
            b.Append(' ');
        }
    }

    private static void Write(StringBuilder b, Unwrap unwrap)
    {
        b.Append(" | unwrap ").Append(unwrap.Conversion switch
        {
            UnwrapConversion.Bytes => $"bytes({unwrap.Label})",
            UnwrapConversion.Duration => $"duration({unwrap.Label})",
            UnwrapConversion.DurationSeconds => $"duration_seconds({unwrap.Label})",
            _ => unwrap.Label,
        });
        foreach (var filter in unwrap.PostFilters)
        {
            b.Append(" | ");
            Write(b, filter);
        }
    }

    private static void Write(StringBuilder b, LabelPredicate predicate)
    {
        switch (predicate)
        {
            case StringLabelPredicate text:
                b.Append(text.Matcher);
                break;
            case NumericLabelPredicate number:
                b.Append(number.Name).Append(number.Operator.Symbol()).Append(number.Unit switch
                {
                    NumericUnit.Duration => LogQlDuration.Format((long)Math.Round(number.Value * 1e9)),
                    NumericUnit.Bytes => ByteSize.Format(number.Value),
                    _ => number.Value.ToString("R", CultureInfo.InvariantCulture),
                });
                break;
            case BinaryLabelPredicate binary:
                // "and" binds tighter than "or"; a right-nested operand keeps its parentheses so the tree reads back the same.
                var leftParens = binary.And && binary.Left is BinaryLabelPredicate { And: false };
                var rightParens = binary.Right is BinaryLabelPredicate right && (binary.And || !right.And);
                WritePredicate(b, binary.Left, leftParens);
                b.Append(binary.And ? " and " : " or ");
                WritePredicate(b, binary.Right, rightParens);
                break;
            default:
                throw new ArgumentException($"unknown predicate {predicate.GetType().Name}", nameof(predicate));
        }
    }

    private static void WritePredicate(StringBuilder b, LabelPredicate predicate, bool parentheses)
    {
        if (parentheses) b.Append('(');
        Write(b, predicate);
        if (parentheses) b.Append(')');
    }

    private static void WriteOperand(StringBuilder b, SampleExpr operand, bool parentheses)
    {
        if (parentheses) b.Append('(');
        Write(b, operand);
        if (parentheses) b.Append(')');
    }

    private static bool NeedsParentheses(SampleExpr operand, BinaryOperator parent, bool right)
    {
        if (operand is not BinaryExpr child) return false;
        var childPrecedence = child.Operator.Precedence();
        var parentPrecedence = parent.Precedence();
        if (childPrecedence != parentPrecedence) return childPrecedence < parentPrecedence;
        return right != parent.IsRightAssociative();
    }

    private static string Selection(LabelSelection selection) => selection.Matcher?.ToString() ?? selection.Name;
}
