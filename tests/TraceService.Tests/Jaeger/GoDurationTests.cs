using AirisEpm.TraceService.Apis.Jaeger;
using CsCheck;

namespace AirisEpm.TraceService.Tests.Jaeger;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("300ms", 300_000_000L)]
    [InlineData("1.5s", 1_500_000_000L)]
    [InlineData("2h45m", 9_900_000_000_000L)]
    [InlineData("250us", 250_000L)]
    [InlineData("250µs", 250_000L)]
    [InlineData("7ns", 7L)]
    [InlineData("1m30s", 90_000_000_000L)]
    [InlineData(".5ms", 500_000L)]
    public void Reads_go_durations(string text, long expectedNs)
    {
        Assert.Equal(expectedNs, GoDuration.TryParseNanoseconds(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("", "invalid duration")]
    [InlineData("10", "missing unit")]
    [InlineData("10d", "unknown unit \"d\"")]
    [InlineData("-1s", "invalid duration")]
    [InlineData("1..2s", "invalid duration")]
    [InlineData("ms", "invalid duration")]
    [InlineData("9999999999999h", "too long")]
    public void Names_what_is_wrong(string text, string expected)
    {
        Assert.Null(GoDuration.TryParseNanoseconds(text, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_text_gives_a_duration_or_an_error_and_never_throws() =>
        Gen.OneOf(Gen.String, Gen.String["0123456789.hmsuµn"]).Sample(text =>
        {
            var value = GoDuration.TryParseNanoseconds(text, out var error);
            return (value is null) != (error is null) && value is null or >= 0;
        });
}
