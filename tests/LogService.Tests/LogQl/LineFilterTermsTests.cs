using AirisEpm.LogService.LogQl.Evaluation;

namespace AirisEpm.LogService.Tests.LogQl;

/// <summary>Only words a matching line must hold whole (or start) become index terms.</summary>
public sealed class LineFilterTermsTests
{
    [Theory]
    [InlineData("error", "")]
    [InlineData("rror occurred", "message:occurred*")]
    [InlineData(" disk ", "message:\"disk\"")]
    [InlineData("level=error code", "message:\"error\" | message:code*")]
    [InlineData("msg=\"Upstream", "message:upstream*")]
    [InlineData("a b c", "message:\"b\" | message:c*")]
    [InlineData(" café ", "")]
    [InlineData("=10.0.0.1:", "message:\"10\" | message:\"0\" | message:\"0\" | message:\"1\"")]
    public void Terms_are_whole_or_leading_words_only(string filter, string expected)
    {
        Assert.Equal(expected, string.Join(" | ", LineFilterTerms.For(filter)));
    }
}
