using AirisEpm.LogService.LogQl.Evaluation;

namespace AirisEpm.LogService.Tests.LogQl;

public sealed class DecolorizerTests
{
    [Theory]
    [InlineData("\u001b[31mERROR\u001b[0m disk full", "ERROR disk full")]
    [InlineData("\u001b[1;32;40mok\u001b[m", "ok")]
    [InlineData("\u001b]0;title\u0007text", "text")]
    [InlineData("\u001b[2K\u001b[1Gprogress", "progress")]
    [InlineData("plain [31m text", "plain [31m text")]
    public void Ansi_sequences_are_removed(string line, string expected)
    {
        Assert.Equal(expected, Decolorizer.Strip(line));
    }

    [Fact]
    public void A_long_hostile_line_is_stripped_in_linear_time()
    {
        var line = string.Concat(Enumerable.Repeat("\u001b[" + new string('1', 5_000), 200));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Decolorizer.Strip(line);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
    }
}
