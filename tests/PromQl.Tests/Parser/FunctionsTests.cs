using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Parser;
using ValueType = AirisEpm.PromQl.Ast.ValueType;

namespace AirisEpm.PromQl.Tests.Parser;

/// <summary>The function table: every stable Prometheus 3 float function, with Prometheus's signatures.</summary>
public sealed class FunctionsTests
{
    private static readonly string[] Stable =
    [
        "abs", "absent", "absent_over_time", "avg_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min",
        "count_over_time", "day_of_month", "day_of_week", "day_of_year", "days_in_month", "delta", "deriv", "exp", "floor",
        "histogram_quantile", "hour", "idelta", "increase", "irate", "label_join", "label_replace", "last_over_time", "ln",
        "log10", "log2", "max_over_time", "min_over_time", "minute", "month", "predict_linear", "present_over_time",
        "quantile_over_time", "rate", "resets", "round", "scalar", "sgn", "sort", "sort_desc", "sqrt", "stddev_over_time",
        "stdvar_over_time", "sum_over_time", "time", "timestamp", "vector", "year", "acos", "acosh", "asin", "asinh", "atan",
        "atanh", "cos", "cosh", "sin", "sinh", "tan", "tanh", "deg", "rad", "pi",
    ];

    [Fact]
    public void Holds_exactly_the_stable_functions() =>
        Assert.Equal(Stable.Order(StringComparer.Ordinal), Functions.All.Select(f => f.Name).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("rate", "matrix", 0, "vector")]
    [InlineData("histogram_quantile", "scalar,vector", 0, "vector")]
    [InlineData("quantile_over_time", "scalar,matrix", 0, "vector")]
    [InlineData("predict_linear", "matrix,scalar", 0, "vector")]
    [InlineData("clamp", "vector,scalar,scalar", 0, "vector")]
    [InlineData("round", "vector,scalar", 1, "vector")]
    [InlineData("hour", "vector", 1, "vector")]
    [InlineData("label_join", "vector,string,string,string", -1, "vector")]
    [InlineData("label_replace", "vector,string,string,string,string", 0, "vector")]
    [InlineData("scalar", "vector", 0, "scalar")]
    [InlineData("vector", "scalar", 0, "vector")]
    [InlineData("time", "", 0, "scalar")]
    [InlineData("pi", "", 0, "scalar")]
    [InlineData("absent_over_time", "matrix", 0, "vector")]
    public void Signatures_are_prometheus_signatures(string name, string args, int variadic, string returns)
    {
        Assert.True(Functions.TryGet(name, out var signature));

        Assert.Equal(args, string.Join(",", signature.ArgTypes.Select(t => t.Name())));
        Assert.Equal(variadic, signature.Variadic);
        Assert.Equal(returns, signature.ReturnType.Name());
    }

    [Theory]
    [InlineData("sort_by_label")]
    [InlineData("sort_by_label_desc")]
    [InlineData("double_exponential_smoothing")]
    [InlineData("info")]
    public void Experimental_functions_are_known_but_not_in_the_table(string name)
    {
        Assert.True(Functions.IsExperimental(name));
        Assert.False(Functions.TryGet(name, out _));
    }

    [Theory]
    [InlineData("holt_winters")]
    [InlineData("histogram_count")]
    [InlineData("Rate")]
    public void Removed_native_histogram_and_misspelt_names_are_unknown(string name)
    {
        Assert.False(Functions.TryGet(name, out _));
        Assert.False(Functions.IsExperimental(name));
    }

    [Fact]
    public void Every_function_parses_when_called_with_its_declared_argument_types()
    {
        foreach (var function in Functions.All)
        {
            var args = function.ArgTypes.Select(type => type switch
            {
                ValueType.Scalar => "1",
                ValueType.Vector => "up",
                ValueType.Matrix => "up[5m]",
                _ => "\"a\"",
            });
            var call = $"{function.Name}({string.Join(", ", args)})";

            Assert.Equal(call, PromQlParser.ParseExpr(call).ToString());
        }
    }
}
