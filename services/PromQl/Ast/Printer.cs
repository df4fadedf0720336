using System.Globalization;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Ast;

/// <summary>
/// Prometheus's canonical one-line form of an expression (its nodes' <c>String()</c>): <c>sum by (job) (rate(x[5m]))</c>,
/// matchers sorted, <c>@</c> with three decimals, durations as Prometheus writes them. Label names outside the legacy
/// character set are quoted wherever they appear, so the output always parses back to the same tree.
/// </summary>
internal static class Printer
{
    public static string Print(Expr node) => node switch
    {
        AggregateExpr a => AggregatePrefix(a) + "(" + (a.Param is null ? "" : Print(a.Param) + ", ") + Print(a.Inner) + ")",
        BinaryExpr b => Print(b.Lhs) + " " + BinaryOperator(b) + " " + Print(b.Rhs),
        Call c => c.Function.Name + "(" + string.Join(", ", c.Args.Select(Print)) + ")",
        MatrixSelector m => Selector(m.Selector) + "[" + PromDuration.Format(m.RangeMs) + "]" + Modifiers(m.Selector.Modifiers),
        SubqueryExpr s => Print(s.Inner) + SubquerySuffix(s),
        NumberLiteral n => Number(n),
        ParenExpr p => "(" + Print(p.Inner) + ")",
        StringLiteral s => PromQlString.Quote(s.Value),
        UnaryExpr u => u.Op.Symbol() + Print(u.Operand),
        VectorSelector v => Selector(v) + Modifiers(v.Modifiers),
        _ => throw new ArgumentException($"unknown node type {node.GetType().Name}", nameof(node)),
    };

    /// <summary><c>sum by (a, b) </c>, <c>sum without () </c> or just <c>sum</c>: what precedes the arguments.</summary>
    public static string AggregatePrefix(AggregateExpr a)
    {
        var name = a.Op.Name();
        if (a.Without)
        {
            return name + " without (" + Labels(a.Grouping) + ") ";
        }

        return a.Grouping.Count > 0 ? name + " by (" + Labels(a.Grouping) + ") " : name;
    }

    /// <summary>The operator with <c>bool</c> and its matching clauses: <c>+ on (x) group_left (y)</c>.</summary>
    public static string BinaryOperator(BinaryExpr b)
    {
        var text = b.Op.Symbol() + (b.ReturnBool ? " bool" : "");
        if (b.Matching is not { } vm)
        {
            return text;
        }

        var grouped = vm.Card is VectorMatchCardinality.ManyToOne or VectorMatchCardinality.OneToMany;
        if (vm.MatchingLabels.Count > 0 || vm.On || grouped)
        {
            text += (vm.On ? " on (" : " ignoring (") + Labels(vm.MatchingLabels) + ")";
        }

        if (grouped)
        {
            text += (vm.Card == VectorMatchCardinality.ManyToOne ? " group_left (" : " group_right (") + Labels(vm.Include) + ")";
        }

        return text;
    }

    /// <summary><c>[range:step] @ t offset d</c> after a subquery's expression.</summary>
    public static string SubquerySuffix(SubqueryExpr s) =>
        "[" + PromDuration.Format(s.RangeMs) + ":" + (s.StepMs != 0 ? PromDuration.Format(s.StepMs) : "") + "]" + Modifiers(s.Modifiers);

    private static string Selector(VectorSelector v)
    {
        var name = v.Name ?? "";
        var matchers = v.Matchers
            .Where(m => !(m.Name == LabelSet.MetricName && m.Op == MatchOp.Equal && m.Value == name && name.Length > 0))
            .Select(m => m.ToString())
            .OrderBy(s => s, CodePointComparer.Instance)
            .ToList();
        return matchers.Count == 0 ? name : name + "{" + string.Join(",", matchers) + "}";
    }

    private static string Modifiers(TimeModifiers modifiers)
    {
        var at = modifiers switch
        {
            { TimestampMs: { } ms } => " @ " + (ms / 1000.0).ToString("F3", CultureInfo.InvariantCulture),
            { Anchor: AtAnchor.Start } => " @ start()",
            { Anchor: AtAnchor.End } => " @ end()",
            _ => "",
        };
        var offset = modifiers.OffsetMs switch
        {
            > 0 => " offset " + PromDuration.Format(modifiers.OffsetMs),
            < 0 => " offset -" + PromDuration.Format(-modifiers.OffsetMs),
            _ => "",
        };
        return at + offset;
    }

    private static string Labels(IReadOnlyList<string> labels) => string.Join(", ", labels.Select(LabelNames.Format));

    /// <summary>A duration literal as a duration (<c>5m</c>, <c>-90s</c>); other numbers as Go's <c>FormatFloat(v, 'f', -1)</c>.</summary>
    private static string Number(NumberLiteral n)
    {
        if (n.IsDuration && double.IsFinite(n.Value))
        {
            var ms = (long)Math.Truncate(Math.Abs(n.Value) * 1e9) / 1_000_000;
            return (n.Value < 0 ? "-" : "") + PromDuration.Format(ms);
        }

        return FormatFloat(n.Value);
    }

    /// <summary>The shortest digits that read back as the same double, in fixed notation (no exponent), as Go's <c>'f', -1</c>.</summary>
    public static string FormatFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOf('E', StringComparison.Ordinal);
        if (exponentAt < 0)
        {
            return shortest;
        }

        var negative = shortest[0] == '-';
        var mantissa = shortest[(negative ? 1 : 0)..exponentAt];
        var exponent = int.Parse(shortest.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var pointAt = (dot < 0 ? mantissa.Length : dot) + exponent;
        string fixedText;
        if (pointAt <= 0)
        {
            fixedText = "0." + new string('0', -pointAt) + digits;
        }
        else if (pointAt >= digits.Length)
        {
            fixedText = digits + new string('0', pointAt - digits.Length);
        }
        else
        {
            fixedText = digits[..pointAt] + "." + digits[pointAt..];
        }

        return (negative ? "-" : "") + fixedText;
    }

    /// <summary>Orders strings by Unicode code point, which is the byte order of their UTF-8 (Go's string order).</summary>
    private sealed class CodePointComparer : IComparer<string>
    {
        public static readonly CodePointComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var left = (x ?? "").EnumerateRunes();
            var right = (y ?? "").EnumerateRunes();
            while (true)
            {
                var hasLeft = left.MoveNext();
                var hasRight = right.MoveNext();
                if (!hasLeft || !hasRight)
                {
                    return hasLeft.CompareTo(hasRight);
                }

                var order = left.Current.Value.CompareTo(right.Current.Value);
                if (order != 0)
                {
                    return order;
                }
            }
        }
    }
}
