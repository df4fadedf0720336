using System.Collections.Frozen;
using AirisEpm.PromQl.Ast;
using ValueType = AirisEpm.PromQl.Ast.ValueType;

namespace AirisEpm.PromQl.Parser;

/// <summary>
/// The functions the parser accepts: Prometheus 3's stable float functions, with the signatures its parser checks.
/// Left out, as out of scope: the native-histogram functions (histogram_avg, histogram_count, histogram_sum,
/// histogram_fraction, histogram_stddev, histogram_stdvar) — unknown here. Prometheus's experimental functions
/// (sort_by_label, sort_by_label_desc, double_exponential_smoothing, info, mad_over_time, ts_of_*_over_time) are
/// refused as Prometheus refuses them with the feature flag off: <c>function "sort_by_label" is not enabled</c>.
/// holt_winters is gone in Prometheus 3 and unknown here too.
/// </summary>
public static class Functions
{
    private const ValueType Scalar = ValueType.Scalar;
    private const ValueType Vector = ValueType.Vector;
    private const ValueType Matrix = ValueType.Matrix;
    private const ValueType String = ValueType.String;

    private static readonly FrozenDictionary<string, FunctionSignature> Table = Build().ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    private static readonly FrozenSet<string> ExperimentalNames = new[]
    {
        "double_exponential_smoothing", "info", "mad_over_time", "sort_by_label", "sort_by_label_desc",
        "ts_of_last_over_time", "ts_of_max_over_time", "ts_of_min_over_time",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every supported function, by name.</summary>
    public static IReadOnlyCollection<FunctionSignature> All => Table.Values;

    public static bool TryGet(string name, out FunctionSignature signature) => Table.TryGetValue(name, out signature!);

    /// <summary>True for a Prometheus function that exists only behind <c>--enable-feature=promql-experimental-functions</c>.</summary>
    public static bool IsExperimental(string name) => ExperimentalNames.Contains(name);

    private static IEnumerable<FunctionSignature> Build()
    {
        // Instant-vector math: one vector in, one vector out.
        foreach (var name in new[]
        {
            "abs", "absent", "ceil", "exp", "floor", "ln", "log10", "log2", "sgn", "sort", "sort_desc", "sqrt", "timestamp",
            "acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "sin", "sinh", "tan", "tanh", "deg", "rad",
        })
        {
            yield return Fn(name, [Vector], Vector);
        }

        // Range-vector functions.
        foreach (var name in new[]
        {
            "absent_over_time", "avg_over_time", "changes", "count_over_time", "delta", "deriv", "idelta", "increase",
            "irate", "last_over_time", "max_over_time", "min_over_time", "present_over_time", "rate", "resets",
            "stddev_over_time", "stdvar_over_time", "sum_over_time",
        })
        {
            yield return Fn(name, [Matrix], Vector);
        }

        // Date functions: the vector is optional (it defaults to vector(time())).
        foreach (var name in new[] { "day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year" })
        {
            yield return Fn(name, [Vector], Vector, variadic: 1);
        }

        yield return Fn("clamp", [Vector, Scalar, Scalar], Vector);
        yield return Fn("clamp_max", [Vector, Scalar], Vector);
        yield return Fn("clamp_min", [Vector, Scalar], Vector);
        yield return Fn("histogram_quantile", [Scalar, Vector], Vector);
        yield return Fn("label_join", [Vector, String, String, String], Vector, variadic: -1);
        yield return Fn("label_replace", [Vector, String, String, String, String], Vector);
        yield return Fn("pi", [], Scalar);
        yield return Fn("predict_linear", [Matrix, Scalar], Vector);
        yield return Fn("quantile_over_time", [Scalar, Matrix], Vector);
        yield return Fn("round", [Vector, Scalar], Vector, variadic: 1);
        yield return Fn("scalar", [Vector], Scalar);
        yield return Fn("time", [], Scalar);
        yield return Fn("vector", [Scalar], Vector);
    }

    private static FunctionSignature Fn(string name, ValueType[] args, ValueType returns, int variadic = 0) => new(name, args, variadic, returns);
}
