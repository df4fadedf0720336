using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;
using static AirisEpm.PromQl.Tests.Engine.EngineAssert;
using static AirisEpm.PromQl.Tests.Engine.Q;

namespace AirisEpm.PromQl.Tests.Engine;

public sealed class BinaryOperatorTests
{
    private readonly InMemorySeriesSource _source = TestData.Load(
        "1m",
        ("req{job=\"api\", instance=\"1\"}", "10"),
        ("req{job=\"api\", instance=\"2\"}", "20"),
        ("req{job=\"db\", instance=\"3\"}", "40"),
        ("lim{job=\"api\", instance=\"1\"}", "100"),
        ("lim{job=\"api\", instance=\"2\"}", "10"),
        ("info{instance=\"1\", version=\"v1\"}", "1"),
        ("info{instance=\"2\", version=\"v2\"}", "1"),
        ("per_job{job=\"api\"}", "2"),
        ("per_job{job=\"db\"}", "4"));

    [Theory]
    [InlineData(BinaryOp.Add, 12)]
    [InlineData(BinaryOp.Sub, 8)]
    [InlineData(BinaryOp.Mul, 20)]
    [InlineData(BinaryOp.Div, 5)]
    [InlineData(BinaryOp.Mod, 0)]
    [InlineData(BinaryOp.Pow, 100)]
    [InlineData(BinaryOp.Atan2, 1.373400766945016)]
    public async Task Arithmetic_with_a_scalar_drops_the_name(BinaryOp op, double expected) =>
        await Vector(_source, B(op, Sel("req", ("instance", "1")), N(2)), "0s", ("{job=\"api\", instance=\"1\"}", expected));

    [Fact]
    public async Task A_scalar_on_the_left_is_the_left_operand() =>
        await Vector(_source, B(BinaryOp.Sub, N(100), Sel("req", ("instance", "1"))), "0s", ("{job=\"api\", instance=\"1\"}", 90));

    [Fact]
    public async Task Comparisons_filter_and_keep_the_name_and_the_vector_value()
    {
        await Vector(_source, B(BinaryOp.Gtr, Sel("req"), N(15)), "0s", ("req{job=\"api\", instance=\"2\"}", 20), ("req{job=\"db\", instance=\"3\"}", 40));
        await Vector(_source, B(BinaryOp.Lss, N(15), Sel("req")), "0s", ("req{job=\"api\", instance=\"2\"}", 20), ("req{job=\"db\", instance=\"3\"}", 40));
    }

    [Fact]
    public async Task Bool_comparisons_give_one_or_zero_and_drop_the_name() =>
        await Vector(_source, B(BinaryOp.Gte, Sel("req"), N(20), returnBool: true), "0s",
            ("{job=\"api\", instance=\"1\"}", 0), ("{job=\"api\", instance=\"2\"}", 1), ("{job=\"db\", instance=\"3\"}", 1));

    [Fact]
    public async Task Scalars_combine_into_a_scalar()
    {
        await Scalar(_source, B(BinaryOp.Add, N(1), N(2)), "0s", 3);
        await Scalar(_source, B(BinaryOp.Gtr, N(2), N(1), returnBool: true), "0s", 1);
        await Scalar(_source, B(BinaryOp.Mod, N(-7), N(3)), "0s", -1);
        await Scalar(_source, B(BinaryOp.Pow, N(2), N(-1)), "0s", 0.5);
        await Scalar(_source, B(BinaryOp.Div, N(1), N(0)), "0s", double.PositiveInfinity);
        await Scalar(_source, B(BinaryOp.Mod, N(1), N(0)), "0s", double.NaN);
        await Scalar(_source, B(BinaryOp.Atan2, N(1), N(1)), "0s", Math.PI / 4);
    }

    [Fact]
    public async Task Vectors_match_on_all_labels_but_the_name() =>
        await Vector(_source, B(BinaryOp.Div, Sel("req"), Sel("lim")), "0s", ("{job=\"api\", instance=\"1\"}", 0.1), ("{job=\"api\", instance=\"2\"}", 2));

    [Fact]
    public async Task A_vector_comparison_keeps_the_left_series() =>
        await Vector(_source, B(BinaryOp.Gtr, Sel("req"), Sel("lim")), "0s", ("req{job=\"api\", instance=\"2\"}", 20));

    [Fact]
    public async Task On_keeps_only_the_matching_labels_in_one_to_one_results()
    {
        var lhs = Agg(AggregateOp.Sum, Sel("req"), by: ["job", "instance"]);
        await Vector(_source, B(BinaryOp.Mul, Sel("req", ("instance", "3")), Sel("per_job"), matching: On("job")), "0s", ("{job=\"db\"}", 160));
        await Vector(_source, B(BinaryOp.Sub, lhs, Sel("lim"), matching: Ignoring("job")), "0s", ("{instance=\"1\"}", -90), ("{instance=\"2\"}", 10));
    }

    [Fact]
    public async Task Group_left_takes_labels_from_the_one_side() =>
        await Vector(_source, B(BinaryOp.Mul, Sel("req"), Sel("info"), matching: On("instance").GroupLeft("version")), "0s",
            ("{job=\"api\", instance=\"1\", version=\"v1\"}", 10), ("{job=\"api\", instance=\"2\", version=\"v2\"}", 20));

    [Fact]
    public async Task Group_left_divides_each_series_by_its_group() =>
        await Vector(_source, B(BinaryOp.Div, Sel("req"), Sel("per_job"), matching: On("job").GroupLeft()), "0s",
            ("{job=\"api\", instance=\"1\"}", 5), ("{job=\"api\", instance=\"2\"}", 10), ("{job=\"db\", instance=\"3\"}", 10));

    [Fact]
    public async Task Group_right_keeps_the_right_series_and_the_left_value_for_comparisons()
    {
        await Vector(_source, B(BinaryOp.Sub, Sel("per_job"), Sel("req"), matching: On("job").GroupRight()), "0s",
            ("{job=\"api\", instance=\"1\"}", -8), ("{job=\"api\", instance=\"2\"}", -18), ("{job=\"db\", instance=\"3\"}", -36));
        await Vector(_source, B(BinaryOp.Lss, Sel("per_job"), Sel("req"), matching: On("job").GroupRight()), "0s",
            ("req{job=\"api\", instance=\"1\"}", 2), ("req{job=\"api\", instance=\"2\"}", 2), ("req{job=\"db\", instance=\"3\"}", 4));
    }

    [Fact]
    public async Task Two_right_series_in_one_match_group_is_a_many_to_many_error() =>
        await Fails(
            () => Instant(_source, B(BinaryOp.Mul, Sel("per_job"), Sel("req"), matching: On("job")), "0s"),
            PromQlErrorType.Execution,
            "found duplicate series for the match group {job=\"api\"} on the right hand-side of the operation: "
            + "[{__name__=\"req\", instance=\"1\", job=\"api\"}, {__name__=\"req\", instance=\"2\", job=\"api\"}];"
            + "many-to-many matching not allowed: matching labels must be unique on one side");

    [Fact]
    public async Task Group_right_with_duplicates_on_the_left_names_the_left_side() =>
        await Fails(
            () => Instant(_source, B(BinaryOp.Mul, Sel("req"), Sel("per_job"), matching: On("job").GroupRight()), "0s"),
            PromQlErrorType.Execution,
            "found duplicate series for the match group {job=\"api\"} on the left hand-side of the operation: "
            + "[{__name__=\"req\", instance=\"1\", job=\"api\"}, {__name__=\"req\", instance=\"2\", job=\"api\"}];"
            + "many-to-many matching not allowed: matching labels must be unique on one side");

    [Fact]
    public async Task Two_left_series_for_one_right_series_needs_group_left() =>
        await Fails(
            () => Instant(_source, B(BinaryOp.Mul, Sel("req"), Sel("per_job"), matching: On("job")), "0s"),
            PromQlErrorType.Execution, "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");

    [Fact]
    public async Task Group_left_results_must_stay_distinct()
    {
        // req and lim of one instance both become {job="api", instance="1"} once arithmetic drops the name.
        var both = SelWith(null, M("__name__", MatchOp.Regex, "req|lim"));
        await Fails(
            () => Instant(_source, B(BinaryOp.Mul, both, Sel("per_job"), matching: On("job").GroupLeft()), "0s"),
            PromQlErrorType.Execution, "multiple matches for labels: grouping labels must ensure unique matches");
    }

    [Fact]
    public async Task And_keeps_left_series_that_have_a_match()
    {
        await Vector(_source, B(BinaryOp.And, Sel("req"), Sel("lim")), "0s", ("req{job=\"api\", instance=\"1\"}", 10), ("req{job=\"api\", instance=\"2\"}", 20));
        await Vector(_source, B(BinaryOp.And, Sel("req"), Sel("per_job", ("job", "db")), matching: On("job").ManyToMany()), "0s", ("req{job=\"db\", instance=\"3\"}", 40));
    }

    [Fact]
    public async Task Unless_keeps_left_series_without_a_match() =>
        await Vector(_source, B(BinaryOp.Unless, Sel("req"), Sel("lim")), "0s", ("req{job=\"db\", instance=\"3\"}", 40));

    [Fact]
    public async Task Or_adds_right_series_whose_signature_the_left_lacks() =>
        await Vector(_source, B(BinaryOp.Or, Sel("lim"), Sel("req")), "0s",
            ("lim{job=\"api\", instance=\"1\"}", 100), ("lim{job=\"api\", instance=\"2\"}", 10), ("req{job=\"db\", instance=\"3\"}", 40));

    [Fact]
    public async Task Or_fills_the_steps_where_the_left_is_missing()
    {
        var source = TestData.Load("1m", ("a{k=\"1\"}", "1 _x6 1"), ("b{k=\"1\"}", "2 2 2 2 2 2 2 2"));
        await Matrix(source, B(BinaryOp.Or, Sel("a"), Sel("b")), "0s", "7m", "7m", ("a{k=\"1\"}", "1 1"));
        await Matrix(source, B(BinaryOp.Or, B(BinaryOp.Add, Sel("a"), N(0)), B(BinaryOp.Add, Sel("b"), N(0))), "0s", "14m", "7m", ("{k=\"1\"}", "1 1 _"));
        await Matrix(source, B(BinaryOp.Or, Sel("a", ("k", "1")).Offset("6m"), Sel("b")), "0s", "12m", "6m", ("a{k=\"1\"}", "_ 1 _"), ("b{k=\"1\"}", "2 _ _"));
    }

    [Fact]
    public async Task Unary_minus_negates_and_drops_the_name()
    {
        await Vector(_source, Neg(Sel("req", ("instance", "1"))), "0s", ("{job=\"api\", instance=\"1\"}", -10));
        await Scalar(_source, Neg(N(3)), "0s", -3);
    }

    [Fact]
    public async Task NaN_never_compares_equal()
    {
        var source = TestData.Load("1m", ("x", "NaN"));
        await Vector(source, B(BinaryOp.Eql, Sel("x"), N(double.NaN)), "0s");
        await Vector(source, B(BinaryOp.Neq, Sel("x"), N(double.NaN)), "0s", ("x", double.NaN));
        await Vector(source, B(BinaryOp.Eql, Sel("x"), Sel("x"), returnBool: true), "0s", ("{}", 0));
    }

    [Fact]
    public async Task A_range_query_matches_step_by_step()
    {
        var source = TestData.Load("1m", ("a{k=\"1\"}", "1 2 3 4"), ("b{k=\"1\"}", "_ 10 _x5"), ("b{k=\"2\"}", "5 5 5 5"));
        await Matrix(source, B(BinaryOp.Add, Sel("a"), Sel("b")), "0s", "3m", "1m", ("{k=\"1\"}", "_ 12 13 14"));
    }
}
