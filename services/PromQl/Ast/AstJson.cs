using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Ast;

/// <summary>
/// The syntax tree as Prometheus 3's <c>/api/v1/parse_query</c> answers it in <c>data</c> (web/api/v1/translate_ast.go,
/// what its web UI's tree view reads): one object per node with its <c>type</c>, keys in alphabetical order as Go
/// writes a map, durations and times in milliseconds, numbers as <c>strconv.FormatFloat(v, 'f', -1, 64)</c>, the
/// selector's original offset, and the name matcher a written metric name adds last.
/// </summary>
public static class AstJson
{
    /// <summary>
    /// The JSON depth the deepest tree the parser accepts needs (two levels for a call: its object and its arguments):
    /// a writer passed to <see cref="Write"/> needs at least this <see cref="JsonWriterOptions.MaxDepth"/>.
    /// </summary>
    public const int WriterMaxDepth = (2 * Parser.PromQlParser.MaxDepth) + 2;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = WriterMaxDepth };

    /// <summary>The tree of <paramref name="expr"/> as a JSON text.</summary>
    public static string ToJson(Expr expr)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, expr);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the tree of <paramref name="expr"/> as one JSON value (an endpoint writes it as its envelope's <c>data</c>).</summary>
    public static void Write(Utf8JsonWriter writer, Expr? expr)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (expr)
        {
            case null:
                writer.WriteNullValue();
                return;
            case AggregateExpr aggregate:
                writer.WriteStartObject();
                WriteNode(writer, "expr", aggregate.Inner);
                WriteList(writer, "grouping", aggregate.Grouping);
                writer.WriteString("op", aggregate.Op.Name());
                WriteNode(writer, "param", aggregate.Param);
                writer.WriteString("type", "aggregation");
                writer.WriteBoolean("without", aggregate.Without);
                break;
            case BinaryExpr binary:
                writer.WriteStartObject();
                writer.WriteBoolean("bool", binary.ReturnBool);
                WriteNode(writer, "lhs", binary.Lhs);
                WriteMatching(writer, binary.Matching);
                writer.WriteString("op", binary.Op.Symbol());
                WriteNode(writer, "rhs", binary.Rhs);
                writer.WriteString("type", "binaryExpr");
                break;
            case Call call:
                writer.WriteStartObject();
                writer.WriteStartArray("args");
                foreach (var arg in call.Args)
                {
                    Write(writer, arg);
                }

                writer.WriteEndArray();
                writer.WriteStartObject("func");
                WriteList(writer, "argTypes", [.. call.Function.ArgTypes.Select(t => t.Name())]);
                writer.WriteString("name", call.Function.Name);
                writer.WriteString("returnType", call.Function.ReturnType.Name());
                writer.WriteNumber("variadic", call.Function.Variadic);
                writer.WriteEndObject();
                writer.WriteString("type", "call");
                break;
            case MatrixSelector matrix:
                writer.WriteStartObject();
                WriteMatchers(writer, matrix.Selector.Matchers);
                writer.WriteString("name", matrix.Selector.Name ?? "");
                writer.WriteNumber("offset", matrix.Selector.Modifiers.OffsetMs);
                writer.WriteNumber("range", matrix.RangeMs);
                WriteAt(writer, matrix.Selector.Modifiers);
                writer.WriteString("type", "matrixSelector");
                break;
            case SubqueryExpr subquery:
                writer.WriteStartObject();
                WriteNode(writer, "expr", subquery.Inner);
                writer.WriteNumber("offset", subquery.Modifiers.OffsetMs);
                writer.WriteNumber("range", subquery.RangeMs);
                WriteAnchor(writer, subquery.Modifiers);
                writer.WriteNumber("step", subquery.StepMs);
                WriteTimestamp(writer, subquery.Modifiers);
                writer.WriteString("type", "subquery");
                break;
            case NumberLiteral number:
                writer.WriteStartObject();
                writer.WriteString("type", "numberLiteral");
                writer.WriteString("val", PromFloat.Format(number.Value));
                break;
            case ParenExpr paren:
                writer.WriteStartObject();
                WriteNode(writer, "expr", paren.Inner);
                writer.WriteString("type", "parenExpr");
                break;
            case StringLiteral text:
                writer.WriteStartObject();
                writer.WriteString("type", "stringLiteral");
                writer.WriteString("val", text.Value);
                break;
            case UnaryExpr unary:
                writer.WriteStartObject();
                WriteNode(writer, "expr", unary.Operand);
                writer.WriteString("op", unary.Op.Symbol());
                writer.WriteString("type", "unaryExpr");
                break;
            case VectorSelector selector:
                writer.WriteStartObject();
                WriteMatchers(writer, selector.Matchers);
                writer.WriteString("name", selector.Name ?? "");
                writer.WriteNumber("offset", selector.Modifiers.OffsetMs);
                WriteAt(writer, selector.Modifiers);
                writer.WriteString("type", "vectorSelector");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(expr), expr.GetType().Name, "not a PromQL node");
        }

        writer.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter writer, string name, Expr? node)
    {
        writer.WritePropertyName(name);
        Write(writer, node);
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }

    /// <summary>Set for every operation between two instant vectors (one-to-one unless written otherwise, many-to-many for and/or/unless), null otherwise.</summary>
    private static void WriteMatching(Utf8JsonWriter writer, VectorMatching? matching)
    {
        if (matching is null)
        {
            writer.WriteNull("matching");
            return;
        }

        writer.WriteStartObject("matching");
        writer.WriteString("card", matching.Card switch
        {
            VectorMatchCardinality.OneToOne => "one-to-one",
            VectorMatchCardinality.ManyToOne => "many-to-one",
            VectorMatchCardinality.OneToMany => "one-to-many",
            _ => "many-to-many",
        });
        WriteList(writer, "include", matching.Include);
        WriteList(writer, "labels", matching.MatchingLabels);
        writer.WriteBoolean("on", matching.On);
        writer.WriteEndObject();
    }

    private static void WriteMatchers(Utf8JsonWriter writer, IReadOnlyList<Matcher> matchers)
    {
        writer.WriteStartArray("matchers");
        foreach (var matcher in matchers)
        {
            writer.WriteStartObject();
            writer.WriteString("name", matcher.Name);
            writer.WriteString("type", Matcher.OperatorText(matcher.Op));
            writer.WriteString("value", matcher.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary><c>startOrEnd</c> then <c>timestamp</c>, the order of a selector's keys.</summary>
    private static void WriteAt(Utf8JsonWriter writer, TimeModifiers modifiers)
    {
        WriteAnchor(writer, modifiers);
        WriteTimestamp(writer, modifiers);
    }

    /// <summary><c>"start"</c> or <c>"end"</c> for <c>@ start()</c> / <c>@ end()</c>, which Prometheus resolves only when it evaluates.</summary>
    private static void WriteAnchor(Utf8JsonWriter writer, TimeModifiers modifiers)
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
        if (modifiers.TimestampMs is { } timestamp)
        {
            writer.WriteNumber("timestamp", timestamp);
        }
        else
        {
            writer.WriteNull("timestamp");
        }
    }
}
