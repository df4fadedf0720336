using System.Text.Json;
using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Model;
using PromValueType = AirisEpm.PromQl.Ast.ValueType;

namespace AirisEpm.MetricsService.Prometheus;

/// <summary>
/// A parsed expression as Prometheus 3's <c>/api/v1/parse_query</c> answers it (its <c>translateAST</c>, the tree its
/// UI's explain view draws): one object per node with a <c>type</c> (<c>aggregation</c>, <c>binaryExpr</c>, <c>call</c>,
/// <c>matrixSelector</c>, <c>subquery</c>, <c>numberLiteral</c>, <c>parenExpr</c>, <c>stringLiteral</c>, <c>unaryExpr</c>,
/// <c>vectorSelector</c>), keys in Go's order for a map (sorted), durations in milliseconds, <c>timestamp</c> the
/// <c>@</c> time in milliseconds or null, <c>startOrEnd</c> <c>"start"</c>, <c>"end"</c> or null. The fields of
/// Prometheus's experimental features (fill values, anchored and smoothed selectors) are left out with them.
/// </summary>
public static class PromAstJson
{
    public static void Write(Utf8JsonWriter writer, Expr expr)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(expr);
        switch (expr)
        {
            case AggregateExpr a:
                writer.WriteStartObject();
                WriteNode(writer, "expr", a.Inner);
                writer.WriteStrings("grouping", a.Grouping);
                writer.WriteString("op", a.Op.Name());
                WriteNode(writer, "param", a.Param);
                writer.WriteString("type", "aggregation");
                writer.WriteBoolean("without", a.Without);
                writer.WriteEndObject();
                break;
            case BinaryExpr b:
                writer.WriteStartObject();
                writer.WriteBoolean("bool", b.ReturnBool);
                WriteNode(writer, "lhs", b.Lhs);
                WriteMatching(writer, b.Matching);
                writer.WriteString("op", b.Op.Symbol());
                WriteNode(writer, "rhs", b.Rhs);
                writer.WriteString("type", "binaryExpr");
                writer.WriteEndObject();
                break;
            case Call c:
                writer.WriteStartObject();
                writer.WriteStartArray("args");
                foreach (var arg in c.Args)
                {
                    Write(writer, arg);
                }

                writer.WriteEndArray();
                writer.WriteStartObject("func");
                writer.WriteStrings("argTypes", [.. c.Function.ArgTypes.Select(t => t.Name())]);
                writer.WriteString("name", c.Function.Name);
                writer.WriteString("returnType", c.Function.ReturnType.Name());
                writer.WriteNumber("variadic", c.Function.Variadic);
                writer.WriteEndObject();
                writer.WriteString("type", "call");
                writer.WriteEndObject();
                break;
            case MatrixSelector m:
                WriteSelector(writer, "matrixSelector", m.Selector, m.RangeMs);
                break;
            case SubqueryExpr s:
                writer.WriteStartObject();
                WriteNode(writer, "expr", s.Inner);
                writer.WriteNumber("offset", s.Modifiers.OffsetMs);
                writer.WriteNumber("range", s.RangeMs);
                WriteStartOrEnd(writer, s.Modifiers);
                writer.WriteNumber("step", s.StepMs);
                WriteTimestamp(writer, s.Modifiers);
                writer.WriteString("type", "subquery");
                writer.WriteEndObject();
                break;
            case NumberLiteral n:
                writer.WriteStartObject();
                writer.WriteString("type", "numberLiteral");
                writer.WriteString("val", PromFloat.Format(n.Value));
                writer.WriteEndObject();
                break;
            case ParenExpr p:
                writer.WriteStartObject();
                WriteNode(writer, "expr", p.Inner);
                writer.WriteString("type", "parenExpr");
                writer.WriteEndObject();
                break;
            case StringLiteral s:
                writer.WriteStartObject();
                writer.WriteString("type", "stringLiteral");
                writer.WriteString("val", s.Value);
                writer.WriteEndObject();
                break;
            case UnaryExpr u:
                writer.WriteStartObject();
                WriteNode(writer, "expr", u.Operand);
                writer.WriteString("op", u.Op.Symbol());
                writer.WriteString("type", "unaryExpr");
                writer.WriteEndObject();
                break;
            case VectorSelector v:
                WriteSelector(writer, "vectorSelector", v, null);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(expr), expr.GetType().Name, "not a PromQL node");
        }
    }

    private static void WriteNode(Utf8JsonWriter writer, string property, Expr? expr)
    {
        writer.WritePropertyName(property);
        if (expr is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            Write(writer, expr);
        }
    }

    private static void WriteMatching(Utf8JsonWriter writer, VectorMatching? matching)
    {
        writer.WritePropertyName("matching");
        if (matching is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("card", matching.Card switch
        {
            VectorMatchCardinality.OneToOne => "one-to-one",
            VectorMatchCardinality.ManyToOne => "many-to-one",
            VectorMatchCardinality.OneToMany => "one-to-many",
            _ => "many-to-many",
        });
        writer.WriteStrings("include", matching.Include);
        writer.WriteStrings("labels", matching.MatchingLabels);
        writer.WriteBoolean("on", matching.On);
        writer.WriteEndObject();
    }

    /// <summary>A vector selector, or with <paramref name="rangeMs"/> the matrix selector around it (Prometheus names both by the selector).</summary>
    private static void WriteSelector(Utf8JsonWriter writer, string type, VectorSelector selector, long? rangeMs)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("matchers");
        foreach (var matcher in selector.Matchers)
        {
            writer.WriteStartObject();
            writer.WriteString("name", matcher.Name);
            writer.WriteString("type", Matcher.OperatorText(matcher.Op));
            writer.WriteString("value", matcher.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("name", selector.Name ?? "");
        writer.WriteNumber("offset", selector.Modifiers.OffsetMs);
        if (rangeMs is { } range)
        {
            writer.WriteNumber("range", range);
        }

        WriteStartOrEnd(writer, selector.Modifiers);
        WriteTimestamp(writer, selector.Modifiers);
        writer.WriteString("type", type);
        writer.WriteEndObject();
    }

    private static void WriteStartOrEnd(Utf8JsonWriter writer, TimeModifiers modifiers)
    {
        switch (modifiers.Anchor)
        {
            case AtAnchor.Start:
                writer.WriteString("startOrEnd", "start");
                break;
            case AtAnchor.End:
                writer.WriteString("startOrEnd", "end");
                break;
            default:
                writer.WriteNull("startOrEnd");
                break;
        }
    }

    private static void WriteTimestamp(Utf8JsonWriter writer, TimeModifiers modifiers)
    {
        if (modifiers.TimestampMs is { } at)
        {
            writer.WriteNumber("timestamp", at);
        }
        else
        {
            writer.WriteNull("timestamp");
        }
    }

    private static void WriteStrings(this Utf8JsonWriter writer, string property, IEnumerable<string> values)
    {
        writer.WriteStartArray(property);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
