using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Model;
using AirisEpm.PromQl.Parser;
using ValueType = AirisEpm.PromQl.Ast.ValueType;

namespace AirisEpm.PromQl.Tests.Parser;

/// <summary>The trees the parser builds: one test per construct of the language, with Prometheus's semantics.</summary>
public sealed class ParserTests
{
    private static Expr Parse(string query) => PromQlParser.ParseExpr(query);

    private static string Matchers(VectorSelector selector) => string.Join(", ", selector.Matchers);

    [Fact]
    public void A_selector_keeps_its_matchers_in_order_and_the_written_name_last()
    {
        var selector = Assert.IsType<VectorSelector>(Parse("http_requests_total{code=\"500\", path!~\"/health.*\", a=~\"x\", b!=\"y\"}"));

        Assert.Equal("http_requests_total", selector.Name);
        Assert.Equal("code=\"500\", path!~\"/health.*\", a=~\"x\", b!=\"y\", __name__=\"http_requests_total\"", Matchers(selector));
        Assert.Equal(TimeModifiers.None, selector.Modifiers);
        Assert.Equal(ValueType.Vector, selector.Type);
    }

    [Fact]
    public void Quoted_utf8_names_select_the_metric_and_label_as_written()
    {
        var selector = Assert.IsType<VectorSelector>(Parse("{\"my.metric\", \"a.b\"=\"c\", job=\"x\",}"));

        Assert.Null(selector.Name);
        Assert.Equal(["__name__", "a.b", "job"], selector.Matchers.Select(m => m.Name));
        Assert.Equal("my.metric", selector.Matchers[0].Value);
    }

    [Fact]
    public void The_name_may_be_a_matcher_inside_the_braces()
    {
        var selector = Assert.IsType<VectorSelector>(Parse("{__name__=~\"node_.*\", job=\"n\"}"));

        Assert.Null(selector.Name);
        Assert.Equal(MatchOp.Regex, selector.Matchers[0].Op);
    }

    [Theory]
    [InlineData("sum", "sum")]
    [InlineData("by", "by")]
    [InlineData("without{a=\"b\"}", "without")]
    [InlineData("offset offset 5m", "offset")]
    [InlineData("and", "and")]
    [InlineData("start", "start")]
    [InlineData("count_values{a=\"b\"}", "count_values")]
    [InlineData("SUM", "SUM")]
    [InlineData("job:rate5m:sum", "job:rate5m:sum")]
    [InlineData(":foo", ":foo")]
    public void Keywords_that_prometheus_allows_as_names_select_metrics(string query, string name) =>
        Assert.Equal(name, Assert.IsType<VectorSelector>(Parse(query)).Name);

    [Fact]
    public void A_range_selector_holds_its_range_and_the_selector_its_modifiers()
    {
        var matrix = Assert.IsType<MatrixSelector>(Parse("rate_me{a=\"b\"}[5m] @ 100 offset -1h"));

        Assert.Equal(300_000, matrix.RangeMs);
        Assert.Equal(new TimeModifiers(-3_600_000, 100_000, AtAnchor.None), matrix.Selector.Modifiers);
        Assert.Equal(ValueType.Matrix, matrix.Type);
    }

    [Theory]
    [InlineData("x[5m]", 300_000L)]
    [InlineData("x[1h30m]", 5_400_000L)]
    [InlineData("x[90]", 90_000L)]
    [InlineData("x[1.5]", 1_500L)]
    [InlineData("x[+10s]", 10_000L)]
    [InlineData("x[250ms]", 250L)]
    [InlineData("x[2w]", 1_209_600_000L)]
    public void Ranges_are_durations_or_seconds(string query, long rangeMs) =>
        Assert.Equal(rangeMs, Assert.IsType<MatrixSelector>(Parse(query)).RangeMs);

    [Fact]
    public void A_subquery_has_a_range_an_optional_step_and_its_own_modifiers()
    {
        var subquery = Assert.IsType<SubqueryExpr>(Parse("rate(x[5m])[1h:5m] offset 10m @ end()"));
        var defaultStep = Assert.IsType<SubqueryExpr>(Parse("x[1h:]"));

        Assert.IsType<Call>(subquery.Inner);
        Assert.Equal((3_600_000L, 300_000L), (subquery.RangeMs, subquery.StepMs));
        Assert.Equal(new TimeModifiers(600_000, null, AtAnchor.End), subquery.Modifiers);
        Assert.Equal(0, defaultStep.StepMs);
        Assert.Equal(ValueType.Matrix, subquery.Type);
    }

    [Theory]
    [InlineData("x offset 5m", 300_000L)]
    [InlineData("x offset -5m", -300_000L)]
    [InlineData("x offset 1.5", 1_500L)]
    [InlineData("x offset +2", 2_000L)]
    [InlineData("x OFFSET 1d", 86_400_000L)]
    [InlineData("x offset 0s offset 1m", 60_000L)]
    public void Offsets_may_be_negative_and_written_as_seconds(string query, long offsetMs) =>
        Assert.Equal(offsetMs, Assert.IsType<VectorSelector>(Parse(query)).Modifiers.OffsetMs);

    [Theory]
    [InlineData("x @ 1609746000", 1_609_746_000_000L, AtAnchor.None)]
    [InlineData("x @ 1609746000.123", 1_609_746_000_123L, AtAnchor.None)]
    [InlineData("x @ -1.5", -1_500L, AtAnchor.None)]
    [InlineData("x @ 5m", 300_000L, AtAnchor.None)]
    [InlineData("x @ 0x10", 16_000L, AtAnchor.None)]
    [InlineData("x @ start()", null, AtAnchor.Start)]
    [InlineData("x @ END()", null, AtAnchor.End)]
    public void At_pins_a_timestamp_or_an_end_of_the_query(string query, long? timestampMs, AtAnchor anchor)
    {
        var modifiers = Assert.IsType<VectorSelector>(Parse(query)).Modifiers;

        Assert.Equal((timestampMs, anchor), (modifiers.TimestampMs, modifiers.Anchor));
    }

    [Fact]
    public void Offset_and_at_come_in_either_order()
    {
        var a = Assert.IsType<VectorSelector>(Parse("x offset 1m @ 10"));
        var b = Assert.IsType<VectorSelector>(Parse("x @ 10 offset 1m"));

        Assert.Equal(a.Modifiers, b.Modifiers);
        Assert.Equal(new TimeModifiers(60_000, 10_000, AtAnchor.None), a.Modifiers);
    }

    [Fact]
    public void At_start_before_a_range_is_allowed_as_prometheus_allows_it()
    {
        var matrix = Assert.IsType<MatrixSelector>(Parse("x @ start() [5m]"));

        Assert.Equal(AtAnchor.Start, matrix.Selector.Modifiers.Anchor);
    }

    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("1.5e3", 1500.0)]
    [InlineData("1E-3", 0.001)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5.0)]
    [InlineData("0x1f", 31.0)]
    [InlineData("0X_FF", 255.0)]
    [InlineData("0755", 493.0)]
    [InlineData("09", 9.0)]
    [InlineData("1_000_000", 1_000_000.0)]
    [InlineData("1_0.5", 10.5)]
    [InlineData("9223372036854775808", 9223372036854775808.0)]
    [InlineData("+5", 5.0)]
    [InlineData("-5", -5.0)]
    [InlineData("--5", 5.0)]
    [InlineData("Inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("+INF", double.PositiveInfinity)]
    public void Numbers_follow_go_literal_rules(string query, double value)
    {
        var number = Assert.IsType<NumberLiteral>(Parse(query));

        Assert.Equal(value, number.Value);
        Assert.False(number.IsDuration);
        Assert.Equal(new PositionRange(0, query.Length), number.Position);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("nan")]
    public void Nan_is_a_number_in_any_case(string query) => Assert.True(double.IsNaN(Assert.IsType<NumberLiteral>(Parse(query)).Value));

    [Theory]
    [InlineData("5m", 300.0)]
    [InlineData("-1h", -3600.0)]
    [InlineData("1m30s", 90.0)]
    [InlineData("250ms", 0.25)]
    public void A_duration_is_a_number_of_seconds(string query, double seconds)
    {
        var number = Assert.IsType<NumberLiteral>(Parse(query));

        Assert.Equal(seconds, number.Value);
        Assert.True(number.IsDuration);
    }

    [Theory]
    [InlineData("\"a\\nb\"", "a\nb")]
    [InlineData("'it\\'s'", "it's")]
    [InlineData("'say \"hi\"'", "say \"hi\"")]
    [InlineData("`raw\\n\"`", "raw\\n\"")]
    [InlineData("\"\\u00e9\\U0001F600\"", "é😀")]
    [InlineData("\"\\x41\\101\\a\\v\"", "AA\a\v")]
    [InlineData("\"\\xc3\\xa9\"", "é")]
    [InlineData("\"\"", "")]
    public void Strings_unescape_as_go_strings(string query, string value)
    {
        var literal = Assert.IsType<StringLiteral>(Parse(query));

        Assert.Equal(value, literal.Value);
        Assert.Equal(ValueType.String, literal.Type);
    }

    [Theory]
    [InlineData("a + b * c", "(a + (b * c))")]
    [InlineData("a * b + c", "((a * b) + c)")]
    [InlineData("a - b - c", "((a - b) - c)")]
    [InlineData("a / b % c atan2 d", "(((a / b) % c) atan2 d)")]
    [InlineData("2 ^ 3 ^ 2", "(2 ^ (3 ^ 2))")]
    [InlineData("a or b and c unless d", "(a or ((b and c) unless d))")]
    [InlineData("a == b + c", "(a == (b + c))")]
    [InlineData("a > b == c", "((a > b) == c)")]
    [InlineData("a and b > c", "(a and (b > c))")]
    [InlineData("-a ^ 2", "-(a ^ 2)")]
    [InlineData("-a * 2", "(-a * 2)")]
    [InlineData("2 ^ -a ^ 2", "(2 ^ -(a ^ 2))")]
    [InlineData("a * -b + c", "((a * -b) + c)")]
    [InlineData("(a + b) * c", "((a + b) * c)")]
    [InlineData("a + b offset 5m", "(a + b offset 5m)")]
    [InlineData("-a offset 5m", "-a offset 5m")]
    public void Operators_follow_prometheus_precedence_and_associativity(string query, string grouped) =>
        Assert.Equal(grouped, Grouped(Parse(query)));

    [Fact]
    public void A_minus_before_a_number_folds_into_it()
    {
        var product = Assert.IsType<BinaryExpr>(Parse("-1 * 2"));
        var power = Assert.IsType<UnaryExpr>(Parse("-2 ^ 2"));

        Assert.Equal(-1, Assert.IsType<NumberLiteral>(product.Lhs).Value);
        Assert.Equal(BinaryOp.Sub, power.Op);
        Assert.IsType<BinaryExpr>(power.Operand);
    }

    [Fact]
    public void Matching_modifiers_are_kept_with_their_labels()
    {
        var left = Assert.IsType<BinaryExpr>(Parse("a * on(x, y) group_left(z) b"));
        var right = Assert.IsType<BinaryExpr>(Parse("a / ignoring(x) group_right b"));
        var plain = Assert.IsType<BinaryExpr>(Parse("a - b"));

        Assert.Equal((VectorMatchCardinality.ManyToOne, true), (left.Matching!.Card, left.Matching.On));
        Assert.Equal(["x", "y"], left.Matching.MatchingLabels);
        Assert.Equal(["z"], left.Matching.Include);
        Assert.Equal((VectorMatchCardinality.OneToMany, false), (right.Matching!.Card, right.Matching.On));
        Assert.Empty(right.Matching.Include);
        Assert.Equal((VectorMatchCardinality.OneToOne, false), (plain.Matching!.Card, plain.Matching.On));
        Assert.Empty(plain.Matching.MatchingLabels);
    }

    [Theory]
    [InlineData("a and b")]
    [InlineData("a or on(x) b")]
    [InlineData("a unless ignoring(x) b")]
    public void Set_operators_match_many_to_many(string query) =>
        Assert.Equal(VectorMatchCardinality.ManyToMany, Assert.IsType<BinaryExpr>(Parse(query)).Matching!.Card);

    [Theory]
    [InlineData("a + 1", ValueType.Vector)]
    [InlineData("1 - a", ValueType.Vector)]
    [InlineData("1 + 2", ValueType.Scalar)]
    [InlineData("1 < bool 2", ValueType.Scalar)]
    [InlineData("time() + on() a", ValueType.Vector)]
    public void A_scalar_operand_means_no_vector_matching(string query, ValueType type)
    {
        var binary = Assert.IsType<BinaryExpr>(Parse(query));

        Assert.Null(binary.Matching);
        Assert.Equal(type, binary.Type);
    }

    [Fact]
    public void Bool_is_kept_on_comparisons()
    {
        Assert.True(Assert.IsType<BinaryExpr>(Parse("a > bool b")).ReturnBool);
        Assert.False(Assert.IsType<BinaryExpr>(Parse("a > b")).ReturnBool);
    }

    [Theory]
    [InlineData("sum by (job) (x)", false)]
    [InlineData("sum(x) by (job)", false)]
    [InlineData("SUM BY (job) (x)", false)]
    [InlineData("sum without (job) (x)", true)]
    [InlineData("sum(x) without (job)", true)]
    public void Grouping_may_come_before_or_after_the_arguments(string query, bool without)
    {
        var aggregate = Assert.IsType<AggregateExpr>(Parse(query));

        Assert.Equal(AggregateOp.Sum, aggregate.Op);
        Assert.Equal(["job"], aggregate.Grouping);
        Assert.Equal(without, aggregate.Without);
        Assert.Null(aggregate.Param);
        Assert.Equal(ValueType.Vector, aggregate.Type);
    }

    [Theory]
    [InlineData("topk(5, x)", AggregateOp.TopK)]
    [InlineData("bottomk(5, x)", AggregateOp.BottomK)]
    [InlineData("quantile(0.9, x)", AggregateOp.Quantile)]
    [InlineData("count_values(\"v\", x)", AggregateOp.CountValues)]
    public void Parameter_aggregations_keep_their_parameter(string query, AggregateOp op)
    {
        var aggregate = Assert.IsType<AggregateExpr>(Parse(query));

        Assert.Equal(op, aggregate.Op);
        Assert.NotNull(aggregate.Param);
        Assert.Equal("x", Assert.IsType<VectorSelector>(aggregate.Inner).Name);
    }

    [Theory]
    [InlineData("avg", AggregateOp.Avg)]
    [InlineData("min", AggregateOp.Min)]
    [InlineData("max", AggregateOp.Max)]
    [InlineData("count", AggregateOp.Count)]
    [InlineData("group", AggregateOp.Group)]
    [InlineData("stddev", AggregateOp.Stddev)]
    [InlineData("stdvar", AggregateOp.Stdvar)]
    public void Every_aggregation_operator_parses(string name, AggregateOp op) =>
        Assert.Equal(op, Assert.IsType<AggregateExpr>(Parse(name + "(x)")).Op);

    [Fact]
    public void Grouping_labels_may_be_keywords_or_quoted()
    {
        var aggregate = Assert.IsType<AggregateExpr>(Parse("sum by (on, bool, offset, sum, start, atan2, \"a.b\", le,) (x)"));

        Assert.Equal(["on", "bool", "offset", "sum", "start", "atan2", "a.b", "le"], aggregate.Grouping);
    }

    [Fact]
    public void A_call_refers_to_the_function_table()
    {
        var call = Assert.IsType<Call>(Parse("histogram_quantile(0.99, sum by (le) (rate(h_bucket[5m])))"));

        Assert.True(Functions.TryGet("histogram_quantile", out var signature));
        Assert.Same(signature, call.Function);
        Assert.Equal(2, call.Args.Count);
        Assert.Equal(ValueType.Vector, call.Type);
        Assert.Equal(ValueType.Scalar, Parse("time()").Type);
        Assert.Empty(Assert.IsType<Call>(Parse("pi()")).Args);
    }

    [Fact]
    public void Comments_and_whitespace_are_ignored()
    {
        var aggregate = Assert.IsType<AggregateExpr>(Parse("# total\nsum(\n  x # the metric\n)\n"));

        Assert.Equal("x", Assert.IsType<VectorSelector>(aggregate.Inner).Name);
    }

    [Fact]
    public void Positions_cover_each_node_as_written()
    {
        var aggregate = Assert.IsType<AggregateExpr>(Parse("sum(rate(x[5m] offset 1m)) by (a)"));
        var call = Assert.IsType<Call>(aggregate.Inner);
        var matrix = Assert.IsType<MatrixSelector>(call.Args[0]);

        Assert.Equal(new PositionRange(0, 33), aggregate.Position);
        Assert.Equal(new PositionRange(4, 25), call.Position);
        Assert.Equal(new PositionRange(9, 24), matrix.Position);
        Assert.Equal(new PositionRange(9, 10), matrix.Selector.Position);
    }

    [Fact]
    public void Parentheses_are_kept()
    {
        var paren = Assert.IsType<ParenExpr>(Parse("((x))"));

        Assert.IsType<ParenExpr>(paren.Inner);
        Assert.Equal(ValueType.Vector, paren.Type);
    }

    /// <summary>The tree with every binary operation parenthesised, to show how the parser grouped it.</summary>
    private static string Grouped(Expr expr) => expr switch
    {
        BinaryExpr b => $"({Grouped(b.Lhs)} {b.Op.Symbol()} {Grouped(b.Rhs)})",
        UnaryExpr u => u.Op.Symbol() + Grouped(u.Operand),
        ParenExpr p => Grouped(p.Inner),
        _ => expr.ToString(),
    };
}
