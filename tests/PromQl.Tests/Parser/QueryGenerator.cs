using AirisEpm.PromQl.Parser;
using CsCheck;
using ValueType = AirisEpm.PromQl.Ast.ValueType;

namespace AirisEpm.PromQl.Tests.Parser;

/// <summary>
/// Random, well-typed PromQL as people write it: every construct of the grammar, keywords in any case, names that
/// are keywords, quoted UTF-8 names, numbers in every notation, parentheses only where precedence needs them.
/// </summary>
internal static class QueryGenerator
{
    private const int MaxDepth = 3;

    /// <summary>Binding strength of a generated text's top operator, as Prometheus's precedence levels (a primary binds tightest).</summary>
    private const int Primary = 10;

    private const int UnaryLevel = 5;

    private static readonly Gen<string>[] Scalars = new Gen<string>[MaxDepth + 1];
    private static readonly Gen<string>[] Vectors = new Gen<string>[MaxDepth + 1];
    private static readonly Gen<string>[] Matrices = new Gen<string>[MaxDepth + 1];
    private static readonly Gen<(string Text, int Level)>[] ScalarTerms = new Gen<(string, int)>[MaxDepth + 1];
    private static readonly Gen<(string Text, int Level)>[] VectorTerms = new Gen<(string, int)>[MaxDepth + 1];

    private static readonly Gen<string> Name = Gen.OneOf(
        Gen.Const("up"), Gen.Const("http_requests_total"), Gen.Const("job:rate5m:sum"), Gen.Const("node_cpu_seconds_total"),
        Gen.Const("sum"), Gen.Const("by"), Gen.Const("offset"), Gen.Const("start"), Gen.Const("Count"));

    private static readonly Gen<string> LabelName = Gen.OneOf(
        Gen.Const("job"), Gen.Const("instance"), Gen.Const("on"), Gen.Const("by"), Gen.Const("\"a.b\""), Gen.Const("\"ünï\""));

    private static readonly Gen<string> Value = Gen.OneOf(
        Gen.Const("\"api\""), Gen.Const("\"\""), Gen.Const("'5..'"), Gen.Const("`a\\d+`"), Gen.Const("\"a\\\"b\""),
        Gen.Const("\"é\\n\\x41\""), Gen.Const("\"\\u00e9\""));

    private static readonly Gen<string> MatchOperator = Gen.OneOf(Gen.Const("="), Gen.Const("!="), Gen.Const("=~"), Gen.Const("!~"));

    private static readonly Gen<string> GroupingLabel = Gen.OneOf(
        Gen.Const("job"), Gen.Const("instance"), Gen.Const("le"), Gen.Const("\"a.b\""), Gen.Const("bool"), Gen.Const("offset"), Gen.Const("a:b"));

    private static readonly Gen<string> Duration = Gen.OneOf(
        Gen.Const("5m"), Gen.Const("1h"), Gen.Const("30s"), Gen.Const("1h30m"), Gen.Const("90"), Gen.Const("1.5"), Gen.Const("250ms"),
        Gen.Const("2d"), Gen.Const("1w"), Gen.Const("1y"));

    private static readonly Gen<string> Number = Gen.OneOf(
        Gen.Const("1"), Gen.Const("0.5"), Gen.Const("1e3"), Gen.Const("2.5e-3"), Gen.Const("0x1f"), Gen.Const("Inf"), Gen.Const("NaN"),
        Gen.Const("1_000"), Gen.Const(".25"), Gen.Const("5m"), Gen.Const("-2"), Gen.Const("+3"), Gen.Int[0, 100_000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Double[-1e6, 1e6].Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    private static readonly Gen<string> Modifiers = Gen.OneOf(
        Gen.Const(""), Gen.Const(" offset 5m"), Gen.Const(" OFFSET -1h"), Gen.Const(" offset 90"), Gen.Const(" @ 1609746000"),
        Gen.Const(" @ start()"), Gen.Const(" @ end() offset 1m"), Gen.Const(" offset 1m @ -5.5"), Gen.Const(" @ 1.5"));

    private static readonly (string Op, int Level)[] Arithmetic = [("+", 4), ("-", 4), ("*", 5), ("/", 5), ("%", 5), ("atan2", 5), ("^", 6)];

    private static readonly (string Op, int Level)[] Comparisons = [("==", 3), ("!=", 3), (">", 3), ("<", 3), (">=", 3), ("<=", 3)];

    private static readonly (string Op, int Level)[] SetOperators = [("and", 2), ("unless", 2), ("or", 1), ("AND", 2)];

    static QueryGenerator()
    {
        for (var depth = 0; depth <= MaxDepth; depth++)
        {
            ScalarTerms[depth] = BuildScalar(depth);
            Scalars[depth] = ScalarTerms[depth].Select(t => t.Text);
            VectorTerms[depth] = BuildVector(depth);
            Vectors[depth] = VectorTerms[depth].Select(t => t.Text);
            Matrices[depth] = BuildMatrix(depth);
        }
    }

    /// <summary>A query of any type.</summary>
    public static Gen<string> Query => Gen.OneOf(Vectors[MaxDepth], Vectors[MaxDepth], Scalars[MaxDepth], Matrices[MaxDepth], Gen.Const("\"a string\""));

    private static Gen<string> Keyword(string word) => Gen.OneOf(Gen.Const(word), Gen.Const(word.ToUpperInvariant()));

    private static readonly Gen<string> Matchers =
        Gen.Select(LabelName, MatchOperator, Value, (l, o, v) => l + o + v).Array[0, 3].Select(ms => string.Join(", ", ms));

    /// <summary>A name, a name with matchers, or matchers with a non-empty one first (a quoted name or job="api").</summary>
    private static readonly Gen<string> Selector = Gen.OneOf(
        Name,
        Gen.Select(Name, Matchers, (n, m) => n + "{" + m + "}"),
        Matchers.Select(m => "{job=\"api\"" + (m.Length > 0 ? ", " + m : "") + "}"),
        Gen.Select(Name, Matchers, (n, m) => "{\"" + n + ".x\"" + (m.Length > 0 ? ", " + m : "") + "}"));

    private static readonly Gen<string> Grouping =
        GroupingLabel.Array[0, 3].Select(labels => "(" + string.Join(", ", labels) + ")");

    private static Gen<(string, int)> BuildScalar(int depth)
    {
        var leaf = Gen.OneOf(Number, Gen.Const("time()"), Gen.Const("pi()")).Select(t => (t, t.StartsWith('-') || t.StartsWith('+') ? UnaryLevel : Primary));
        if (depth == 0)
        {
            return leaf;
        }

        var lower = ScalarTerms[depth - 1];
        return Gen.Frequency(
            (3, leaf),
            (1, Vectors[depth - 1].Select(v => ("scalar(" + v + ")", Primary))),
            (2, Gen.Select(lower, Gen.OneOf(Arithmetic), lower, (l, op, r) => Binary(l, op, "", r))),
            (1, Gen.Select(lower, Gen.OneOf(Comparisons), lower, (l, op, r) => Binary(l, op, " bool", r))),
            (1, lower.Select(s => ("(" + s.Item1 + ")", Primary))),
            (1, lower.Select(s => Unary(s))));
    }

    private static Gen<(string, int)> BuildVector(int depth)
    {
        var leaf = Gen.Select(Selector, Modifiers, (s, m) => (s + m, Primary));
        if (depth == 0)
        {
            return leaf;
        }

        var lower = VectorTerms[depth - 1];
        var scalar = ScalarTerms[depth - 1];
        return Gen.Frequency(
            (3, leaf),
            (3, Call(depth)),
            (3, Aggregation(depth)),
            (2, Gen.Select(lower, Gen.OneOf(Arithmetic.Concat(Comparisons).ToArray()), VectorMatching(grouped: true), lower, (l, op, m, r) => Binary(l, op, m, r))),
            (1, Gen.Select(lower, Gen.OneOf(Comparisons), Gen.OneOf(Gen.Const(" bool"), Gen.Const(" BOOL on (job)")), lower, (l, op, m, r) => Binary(l, op, m, r))),
            (1, Gen.Select(lower, Gen.OneOf(SetOperators), VectorMatching(grouped: false), lower, (l, op, m, r) => Binary(l, op, m, r))),
            (1, Gen.Select(lower, Gen.OneOf(Arithmetic), scalar, (l, op, r) => Binary(l, op, "", r))),
            (1, Gen.Select(scalar, Gen.OneOf(Comparisons), lower, (l, op, r) => Binary(l, op, "", r))),
            (1, lower.Select(v => ("(" + v.Item1 + ")", Primary))),
            (1, lower.Select(v => Unary(v))));
    }

    private static Gen<string> BuildMatrix(int depth)
    {
        var range = Gen.Select(Selector, Duration, Modifiers, (s, d, m) => s + "[" + d + "]" + m);
        if (depth == 0)
        {
            return range;
        }

        var inner = VectorTerms[depth - 1].Select(v => v.Item2 == Primary ? v.Item1 : "(" + v.Item1 + ")");
        var step = Gen.OneOf(Gen.Const(""), Duration);
        return Gen.OneOf(range, Gen.Select(inner, Duration, step, Modifiers, (e, r, s, m) => e + "[" + r + ":" + s + "]" + m));
    }

    private static Gen<(string, int)> Call(int depth)
    {
        var functions = Functions.All.Where(f => f.ReturnType == ValueType.Vector).OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
        return Gen.OneOf(functions).SelectMany(function =>
        {
            var args = function.ArgTypes.Select(type => Argument(type, depth - 1)).ToArray();
            var count = function.Variadic switch
            {
                0 => Gen.Const(args.Length),
                -1 => Gen.Int[args.Length, args.Length + 2],
                _ => Gen.Int[args.Length - 1, args.Length - 1 + function.Variadic],
            };
            return count.SelectMany(n => Enumerable.Range(0, n)
                .Select(i => i < args.Length ? args[i] : args[^1])
                .Aggregate(Gen.Const(""), (acc, next) => Gen.Select(acc, next, (a, b) => a.Length == 0 ? b : a + ", " + b))
                .Select(joined => (function.Name + "(" + joined + ")", Primary)));
        });
    }

    private static Gen<string> Argument(ValueType type, int depth) => type switch
    {
        ValueType.Scalar => Scalars[depth],
        ValueType.Vector => Vectors[depth],
        ValueType.Matrix => Matrices[depth],
        _ => Gen.OneOf(Gen.Const("\"dst\""), Gen.Const("'$1'"), Gen.Const("`(.*)`"), Gen.Const("\",\"")),
    };

    private static Gen<(string, int)> Aggregation(int depth)
    {
        var op = Gen.OneOf(
            Keyword("sum"), Keyword("avg"), Keyword("min"), Keyword("max"), Keyword("count"), Keyword("group"), Keyword("stddev"), Keyword("stdvar"),
            Gen.Const("topk"), Gen.Const("bottomk"), Gen.Const("quantile"), Gen.Const("count_values"));
        var modifier = Gen.Select(Gen.OneOf(Keyword("by"), Keyword("without")), Grouping, (k, g) => k + " " + g);
        var placement = Gen.Int[0, 2];
        return Gen.Select(op, modifier, placement, Vectors[depth - 1], Scalars[depth - 1], (o, m, p, v, s) =>
        {
            var args = o switch
            {
                "topk" or "bottomk" => s + ", " + v,
                "quantile" => "0.9, " + v,
                "count_values" => "\"value\", " + v,
                _ => v,
            };
            var text = p switch
            {
                0 => o + "(" + args + ")",
                1 => o + " " + m + " (" + args + ")",
                _ => o + "(" + args + ") " + m,
            };
            return (text, Primary);
        });
    }

    /// <summary>Matching clauses; grouped ones only for operators that allow group_x, with labels kept apart from on().</summary>
    private static Gen<string> VectorMatching(bool grouped)
    {
        var on = Gen.Select(Gen.OneOf(Keyword("on"), Keyword("ignoring")), Gen.OneOf(Gen.Const("(job)"), Gen.Const("()"), Gen.Const("(job, \"a.b\")")), (k, l) => " " + k + " " + l);
        var group = Gen.OneOf(Gen.Const(" group_left"), Gen.Const(" group_right (le)"), Gen.Const(" GROUP_LEFT (le, code)"), Gen.Const(" group_left ()"));
        return grouped
            ? Gen.OneOf(Gen.Const(""), on, Gen.Select(on, group, (o, g) => o + g))
            : Gen.OneOf(Gen.Const(""), on);
    }

    private static (string, int) Binary((string Text, int Level) lhs, (string Op, int Level) op, string modifiers, (string Text, int Level) rhs)
    {
        var rightAssociative = op.Op == "^";
        var left = lhs.Level < op.Level || (rightAssociative && lhs.Level == op.Level) ? "(" + lhs.Text + ")" : lhs.Text;
        var right = rhs.Level != UnaryLevel && (rhs.Level < op.Level || (!rightAssociative && rhs.Level == op.Level)) ? "(" + rhs.Text + ")" : rhs.Text;

        // After a bare group_left, a "(" would be read as its label list, as Prometheus reads it.
        if (right.StartsWith('(') && modifiers.EndsWith("left", StringComparison.OrdinalIgnoreCase))
        {
            modifiers += " ()";
        }
        return (left + " " + op.Op + modifiers + " " + right, op.Level);
    }

    private static (string, int) Unary((string Text, int Level) operand) =>
        ("-" + (operand.Level >= 6 && operand.Level != UnaryLevel ? operand.Text : "(" + operand.Text + ")"), UnaryLevel);
}
