namespace AirisEpm.MetricsService.Tests.Prometheus.Parity;

public sealed class AnswerComparisonTests
{
    private const string Vector = """{"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"a","__name__":"x"},"value":[1700000000.5,"VALUE"]},{"metric":{"job":"b"},"value":[1700000000.5,"2"]}]}}""";

    [Theory]
    [InlineData("1", "1.0000000001")]
    [InlineData("NaN", "NaN")]
    [InlineData("+Inf", "+Inf")]
    [InlineData("1e+21", "1000000000000000000000")]
    [InlineData("0", "0")]
    public void Values_within_the_tolerance_are_equal(string expected, string actual) =>
        Assert.True(AnswerComparison.ValuesEqual(expected, actual));

    [Theory]
    [InlineData("1", "1.00000001")]
    [InlineData("NaN", "1")]
    [InlineData("+Inf", "-Inf")]
    [InlineData("+Inf", "1e308")]
    [InlineData("0", "1e-300")]
    public void Values_outside_the_tolerance_differ(string expected, string actual) =>
        Assert.False(AnswerComparison.ValuesEqual(expected, actual));

    [Fact]
    public void An_instant_vector_compares_as_a_set_unless_ordered()
    {
        var forward = PromAnswer.Parse(Vector.Replace("VALUE", "1", StringComparison.Ordinal));
        var backward = forward with { Series = [.. forward.Series.Reverse()] };

        Assert.Null(AnswerComparison.Difference(forward, backward, ordered: false));
        Assert.StartsWith("series order", AnswerComparison.Difference(forward, backward, ordered: true), StringComparison.Ordinal);
    }

    [Fact]
    public void A_different_value_label_or_status_is_named()
    {
        var one = PromAnswer.Parse(Vector.Replace("VALUE", "1", StringComparison.Ordinal));
        var three = PromAnswer.Parse(Vector.Replace("VALUE", "3", StringComparison.Ordinal));
        var relabelled = PromAnswer.Parse(Vector.Replace("VALUE", "1", StringComparison.Ordinal).Replace("\"job\":\"b\"", "\"job\":\"c\"", StringComparison.Ordinal));
        var error = PromAnswer.Parse("""{"status":"error","errorType":"bad_data","error":"parse error"}""");

        Assert.Equal("{__name__=\"x\", job=\"a\"}: at 1700000000500: 1 vs 3", AnswerComparison.Difference(one, three, ordered: false));
        Assert.StartsWith("series missing {job=\"b\"}; extra {job=\"c\"}", AnswerComparison.Difference(one, relabelled, ordered: false), StringComparison.Ordinal);
        Assert.StartsWith("status success", AnswerComparison.Difference(one, error, ordered: false), StringComparison.Ordinal);
    }

    [Fact]
    public void A_matrix_with_a_missing_step_differs()
    {
        const string matrix = """{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"1"],[2,"1"]STEP]}]}}""";
        var full = PromAnswer.Parse(matrix.Replace("STEP", ",[3,\"1\"]", StringComparison.Ordinal));
        var gap = PromAnswer.Parse(matrix.Replace("STEP", "", StringComparison.Ordinal));

        Assert.Equal("{}: 3 vs 2 samples; missing at 3000; extra at ", AnswerComparison.Difference(full, gap, ordered: false));
    }
}
