using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Tests.Engine;

/// <summary>Runs queries and compares answers the way Prometheus's test scripts do: by labels, floats within 1e-9 relative, NaN equal to NaN.</summary>
internal static class EngineAssert
{
    public static readonly PromQlEngine Engine = new();

    public static Task<QueryResult> Instant(ISeriesSource source, Expr expr, string time) =>
        Engine.InstantAsync(source, expr, PromDuration.ParseMs(time), CancellationToken.None);

    public static Task<QueryResult> Range(ISeriesSource source, Expr expr, string start, string end, string step) =>
        Engine.RangeAsync(source, expr, PromDuration.ParseMs(start), PromDuration.ParseMs(end), PromDuration.ParseMs(step), CancellationToken.None);

    /// <summary>The instant vector at <paramref name="time"/> equals <paramref name="expected"/> (any order).</summary>
    public static async Task Vector(ISeriesSource source, Expr expr, string time, params (string Series, double Value)[] expected)
    {
        var result = await Instant(source, expr, time);
        VectorEquals(result.Value, ordered: false, expected);
    }

    /// <summary>The instant vector at <paramref name="time"/> equals <paramref name="expected"/> in this order.</summary>
    public static async Task OrderedVector(ISeriesSource source, Expr expr, string time, params (string Series, double Value)[] expected)
    {
        var result = await Instant(source, expr, time);
        VectorEquals(result.Value, ordered: true, expected);
    }

    public static void VectorEquals(QueryValue value, bool ordered, params (string Series, double Value)[] expected)
    {
        var vector = Assert.IsType<VectorValue>(value);
        var actual = vector.Samples.Select(s => (Series: s.Metric.ToString(), s.V)).ToList();
        var wanted = expected.Select(e => (Series: TestData.Labels(e.Series).ToString(), e.Value)).ToList();
        if (!ordered)
        {
            actual.Sort((a, b) => string.CompareOrdinal(a.Series, b.Series));
            wanted.Sort((a, b) => string.CompareOrdinal(a.Series, b.Series));
        }

        Assert.True(
            wanted.Count == actual.Count && wanted.Zip(actual).All(p => p.First.Series == p.Second.Series && Close(p.First.Value, p.Second.V)),
            $"expected [{Describe(wanted)}]{Environment.NewLine}but got [{Describe(actual)}]");
    }

    public static async Task Scalar(ISeriesSource source, Expr expr, string time, double expected)
    {
        var result = await Instant(source, expr, time);
        var scalar = Assert.IsType<ScalarValue>(result.Value);
        Assert.True(Close(expected, scalar.V), $"expected {expected} but got {scalar.V}");
    }

    /// <summary>A range query's matrix: each series with its values per step, <c>_</c> where absent.</summary>
    public static async Task Matrix(ISeriesSource source, Expr expr, string start, string end, string step, params (string Series, string Values)[] expected)
    {
        var result = await Range(source, expr, start, end, step);
        MatrixEquals(result.Value, PromDuration.ParseMs(start), PromDuration.ParseMs(step), expected);
    }

    public static void MatrixEquals(QueryValue value, long startMs, long stepMs, params (string Series, string Values)[] expected)
    {
        var matrix = Assert.IsType<MatrixValue>(value);
        var actual = matrix.Series.Select(s => $"{s.Metric} {Describe(s.Points, startMs, stepMs)}").ToList();
        var wanted = expected.Select(e =>
        {
            var points = TestData.Expand(e.Values).Select((v, i) => (v, i)).Where(x => x.v is not null)
                .Select(x => new Point(startMs + (x.i * stepMs), x.v!.Value)).ToList();
            return $"{TestData.Labels(e.Series)} {Describe(points, startMs, stepMs)}";
        }).OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.Equal(wanted, actual.OrderBy(s => s, StringComparer.Ordinal).ToList());
    }

    public static async Task<PromQlException> Fails(Func<Task> query, PromQlErrorType type, string message)
    {
        var error = await Assert.ThrowsAsync<PromQlException>(query);
        Assert.Equal(type, error.Type);
        Assert.Equal(message, error.Message);
        return error;
    }

    public static bool Close(double expected, double actual)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            return double.IsNaN(expected) && double.IsNaN(actual);
        }

        if (expected == actual)
        {
            return true;
        }

        return Math.Abs(expected - actual) <= 1e-9 * Math.Max(Math.Abs(expected), Math.Abs(actual));
    }

    private static string Describe(IEnumerable<(string Series, double Value)> samples) =>
        string.Join(", ", samples.Select(s => $"{s.Series} {PromFloat.Format(s.Value)}"));

    /// <summary>Points as "@step=value" so differences in time and value both show.</summary>
    private static string Describe(IReadOnlyList<Point> points, long startMs, long stepMs) =>
        string.Join(" ", points.Select(p => $"@{(p.T - startMs) / stepMs}={Round(p.V)}"));

    private static string Round(double value) => double.IsNaN(value) || double.IsInfinity(value) ? PromFloat.Format(value) : PromFloat.Format(Math.Round(value, 9));
}
