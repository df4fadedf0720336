using AirisEpm.LogService.Patterns;

namespace AirisEpm.LogService.Tests.Patterns;

public sealed class TokenGeneralizerTests
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        // template token, line token, covering token (null: the template covers it already)
        { "user=root", "user=guest", "user=<*>" },
        { "rhost=a.example.com", "rhost=b.example.net", "rhost=<*>" },
        { "(host)", "()", "(<*>)" },
        { "failure;", "failures;", "<*>;" },
        { "abc", "abd", "<*>" },
        { "[preauth]", "[<*>]", "[<*>]" },
        { "a<*>b", "a<*>c", "a<*>" },
        { "<*>", "anything", null },
        { "(<*>)", "(abc)", null },
        { "user=<*>", "user=root", null },
        { "same", "same", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Keeps_the_punctuation_bounded_parts_both_share(string template, string token, string? covering) =>
        Assert.Equal(covering, TokenGeneralizer.Generalize(template, token));
}
