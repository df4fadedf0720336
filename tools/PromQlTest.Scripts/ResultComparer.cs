using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQlTest.Scripts;

/// <summary>
/// Compares a query's value with an eval's expectation as promqltest does: series are matched by their exact
/// label set, in any order unless the eval is ordered; values with <see cref="FloatComparison"/>; a matrix
/// must be sorted by labels and each series must have exactly the expected points (<c>_</c>: none at that
/// step). Every problem is reported, not only the first.
/// </summary>
public static class ResultComparer
{
    public static IReadOnlyList<string> Compare(EvalCommand eval, QueryValue actual)
    {
        ArgumentNullException.ThrowIfNull(eval);
        ArgumentNullException.ThrowIfNull(actual);
        var problems = new List<string>();
        switch (actual, eval.Expected)
        {
            case (StringValue text, ExpectedString expected):
                if (text.V != expected.Value)
                {
                    problems.Add($"expected string {PromQlString.Quote(expected.Value)} but got {PromQlString.Quote(text.V)}");
                }

                break;
            case (ScalarValue scalar, ExpectedScalar expected):
                if (!FloatComparison.AlmostEqual(expected.Value, scalar.V))
                {
                    problems.Add($"expected scalar {ValueText.Format(expected.Value)} but got {ValueText.Format(scalar.V)}");
                }

                break;
            case (VectorValue vector, ExpectedSeriesSet expected):
                CompareVector(eval, vector, expected, problems);
                break;
            case (MatrixValue matrix, ExpectedSeriesSet expected):
                CompareMatrix(eval, matrix, expected, problems);
                break;
            default:
                problems.Add($"expected {Kind(eval.Expected)} but got {actual.ResultType}");
                break;
        }

        return problems;
    }

    private static void CompareVector(EvalCommand eval, VectorValue vector, ExpectedSeriesSet expected, List<string> problems)
    {
        var byMetric = expected.Series.ToDictionary(s => s.Metric);
        var seen = new HashSet<LabelSet>();
        for (var position = 0; position < vector.Samples.Count; position++)
        {
            var sample = vector.Samples[position];
            if (!seen.Add(sample.Metric))
            {
                problems.Add($"the result has {sample.Metric} more than once");
                continue;
            }

            if (!byMetric.TryGetValue(sample.Metric, out var series))
            {
                problems.Add($"unexpected metric {sample.Metric} in result, has value {ValueText.Format(sample.V)}");
                continue;
            }

            if (eval.Ordered && series.Position != position + 1)
            {
                problems.Add($"expected metric {sample.Metric} at position {series.Position} but was at {position + 1}");
            }

            if (!FloatComparison.AlmostEqual(series.Values[0].Value, sample.V) || series.Values[0].Omitted)
            {
                problems.Add($"expected {ValueText.Format(series.Values[0])} for {sample.Metric} but got {ValueText.Format(sample.V)}");
            }
        }

        foreach (var series in expected.Series.Where(s => !seen.Contains(s.Metric)))
        {
            problems.Add($"expected metric {series.Metric} with {ValueText.Format(series.Values[0])} not found");
        }
    }

    private static void CompareMatrix(EvalCommand eval, MatrixValue matrix, ExpectedSeriesSet expected, List<string> problems)
    {
        if (eval.Ordered)
        {
            problems.Add("expected ordered result, but query returned a matrix");
        }

        for (var i = 1; i < matrix.Series.Count; i++)
        {
            if (LabelOrder.Instance.Compare(matrix.Series[i - 1].Metric, matrix.Series[i].Metric) >= 0)
            {
                problems.Add($"matrix results should always be sorted by labels, but {matrix.Series[i - 1].Metric} comes before {matrix.Series[i].Metric}");
            }
        }

        var byMetric = expected.Series.ToDictionary(s => s.Metric);
        var seen = new HashSet<LabelSet>();
        foreach (var series in matrix.Series)
        {
            if (!seen.Add(series.Metric))
            {
                continue;
            }

            if (!byMetric.TryGetValue(series.Metric, out var want))
            {
                problems.Add($"unexpected metric {series.Metric} in result, has {Points(series.Points.Count)} {ValueText.Format(series.Points)}");
                continue;
            }

            ComparePoints(eval, want, series, problems);
        }

        foreach (var series in expected.Series.Where(s => !seen.Contains(s.Metric)))
        {
            problems.Add($"expected metric {series.Metric} not found");
        }
    }

    private static void ComparePoints(EvalCommand eval, ExpectedSeries want, Series series, List<string> problems)
    {
        var expectedPoints = new List<Point>();
        for (var i = 0; i < want.Values.Count; i++)
        {
            var t = eval.StartMs + (i * eval.StepMs);
            if (t > eval.EndMs || (eval.StepMs == 0 && i > 0))
            {
                problems.Add($"expected {want.Values.Count} points for {want.Metric}, but query time range cannot return this many points");
                return;
            }

            if (!want.Values[i].Omitted)
            {
                expectedPoints.Add(new Point(t, want.Values[i].Value));
            }
        }

        if (expectedPoints.Count != series.Points.Count)
        {
            problems.Add($"expected {Points(expectedPoints.Count)} {ValueText.Format(expectedPoints)} for {want.Metric}, but got {Points(series.Points.Count)} {ValueText.Format(series.Points)}");
            return;
        }

        for (var i = 0; i < expectedPoints.Count; i++)
        {
            var (wanted, got) = (expectedPoints[i], series.Points[i]);
            if (wanted.T != got.T)
            {
                problems.Add($"expected the point at index {i} for {want.Metric} at timestamp {wanted.T}, but it is at {got.T} (result has {ValueText.Format(series.Points)})");
            }
            else if (!FloatComparison.AlmostEqual(wanted.V, got.V))
            {
                problems.Add($"expected {ValueText.Format(wanted.V)} at t={got.T} for {want.Metric}, but got {ValueText.Format(got.V)} (result has {ValueText.Format(series.Points)})");
            }
        }
    }

    private static string Points(int count) => count == 1 ? "1 point" : $"{count} points";

    private static string Kind(ExpectedResult expected) => expected switch
    {
        ExpectedScalar => "a scalar",
        ExpectedString => "a string",
        _ => "a vector or matrix",
    };
}
