using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;
using static AirisEpm.PromQl.Tests.Engine.EngineAssert;
using static AirisEpm.PromQl.Tests.Engine.Q;

namespace AirisEpm.PromQl.Tests.Engine;

public sealed class VectorFunctionTests
{
    private readonly InMemorySeriesSource _source = TestData.Load(
        "1m",
        ("s{i=\"a\"}", "3"),
        ("s{i=\"b\"}", "NaN"),
        ("s{i=\"c\"}", "1"),
        ("s{i=\"d\"}", "2"),
        ("one{i=\"x\"}", "7 _ _ _ _ _ _ _ _ _ 8"));

    [Fact]
    public async Task Sort_orders_ascending_with_NaN_last() =>
        await OrderedVector(_source, F("sort", Sel("s")), "0s", ("s{i=\"c\"}", 1), ("s{i=\"d\"}", 2), ("s{i=\"a\"}", 3), ("s{i=\"b\"}", double.NaN));

    [Fact]
    public async Task Sort_desc_orders_descending_with_NaN_last() =>
        await OrderedVector(_source, F("sort_desc", Sel("s")), "0s", ("s{i=\"a\"}", 3), ("s{i=\"d\"}", 2), ("s{i=\"c\"}", 1), ("s{i=\"b\"}", double.NaN));

    [Fact]
    public async Task Sort_in_a_range_query_warns_that_it_has_no_effect()
    {
        var result = await Range(_source, F("sort", Sel("s")), "0s", "1m", "1m");
        Assert.Equal(["PromQL warning: sort is ineffective for range queries since results are always ordered by labels"], result.Warnings);
        Assert.Equal(4, Assert.IsType<MatrixValue>(result.Value).Series.Count);
    }

    [Fact]
    public async Task Vector_and_scalar_convert_between_types()
    {
        await Vector(_source, F("vector", N(5)), "0s", ("{}", 5));
        await Scalar(_source, F("scalar", Sel("one")), "0s", 7);
        await Scalar(_source, F("scalar", Sel("s")), "0s", double.NaN);
        await Scalar(_source, F("scalar", Sel("missing")), "0s", double.NaN);
        await Matrix(_source, F("vector", F("scalar", Sel("one"))), "0s", "10m", "5m", ("{}", "7 NaN 8"));
    }

    [Fact]
    public async Task Absent_labels_its_answer_from_the_equality_matchers()
    {
        var selector = SelWith("nothing", M("job", MatchOp.Equal, "a"), M("env", MatchOp.Regex, "p.*"));
        await Vector(_source, F("absent", selector), "0s", ("{job=\"a\"}", 1));
        await Vector(_source, F("absent", Sel("s")), "0s");

        // A label matched twice is left out, as Prometheus does.
        await Vector(_source, F("absent", SelWith("nothing", M("job", MatchOp.Equal, "a"), M("job", MatchOp.Equal, "b"))), "0s", ("{}", 1));
        await Vector(_source, F("absent", Agg(AggregateOp.Sum, Sel("nothing", ("job", "a")))), "0s", ("{}", 1));
    }

    [Fact]
    public async Task Absent_answers_per_step_in_a_range_query() =>
        await Matrix(_source, F("absent", Sel("one", ("i", "x"))), "0s", "15m", "5m", ("{i=\"x\"}", "_ 1 _ 1"));

    [Fact]
    public async Task Absent_over_time_looks_at_the_whole_window()
    {
        await Vector(_source, F("absent_over_time", Sel("one", ("i", "x")).R("5m")), "4m");

        // The window is left-open: at 5m the sample at 0 is out of it.
        await Vector(_source, F("absent_over_time", Sel("one", ("i", "x")).R("5m")), "5m", ("{i=\"x\"}", 1));
        await Matrix(_source, F("absent_over_time", Sel("one", ("i", "x")).R("3m")), "0s", "12m", "2m", ("{i=\"x\"}", "_ _ 1 1 1 _ _"));
    }

    [Fact]
    public async Task Absent_over_time_of_a_subquery_has_no_labels() =>
        await Vector(_source, F("absent_over_time", Sub(Sel("one", ("i", "x")), "2m", "1m")), "8m", ("{}", 1));
}
