using System.Globalization;
using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQlTest.Scripts;

/// <summary>How failures print values and results: as Go's <c>%v</c> (<see cref="PromFloat.FormatG"/>), and <c>stale</c> for the marker.</summary>
public static class ValueText
{
    public static string Format(double value) => StaleMarker.IsStale(value) ? "stale" : PromFloat.FormatG(value);

    public static string Format(SequenceValue value) => value.Omitted ? "_" : Format(value.Value);

    public static string Format(IEnumerable<Point> points) =>
        "[" + string.Join(" ", points.Select(p => Format(p.V) + " @" + p.T.ToString(CultureInfo.InvariantCulture))) + "]";

    /// <summary>A result as an indented listing, one series or sample per line.</summary>
    public static string Describe(QueryValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            ScalarValue scalar => "    scalar " + Format(scalar.V),
            StringValue text => "    string " + PromQlString.Quote(text.V),
            VectorValue vector when vector.Samples.Count == 0 => "    (empty vector)",
            VectorValue vector => string.Join("\n", vector.Samples.Select(s => $"    {s.Metric} {Format(s.V)}")),
            MatrixValue matrix when matrix.Series.Count == 0 => "    (empty matrix)",
            MatrixValue matrix => string.Join("\n", matrix.Series.Select(s => $"    {s.Metric} {Format(s.Points)}")),
            _ => "    " + value.ResultType,
        };
    }

    /// <summary>An expectation as the script wrote it (values expanded).</summary>
    public static string Describe(ExpectedResult expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return expected switch
        {
            ExpectedScalar scalar => "    scalar " + Format(scalar.Value),
            ExpectedString text => "    string " + PromQlString.Quote(text.Value),
            ExpectedSeriesSet set when set.Series.Count == 0 => "    (nothing)",
            ExpectedSeriesSet set => string.Join("\n", set.Series.Select(s => $"    {s.Metric} {string.Join(" ", s.Values.Select(Format))}")),
            _ => "    ?",
        };
    }
}
