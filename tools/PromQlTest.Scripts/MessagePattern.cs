using System.Text.RegularExpressions;

namespace AirisEpm.PromQlTest.Scripts;

/// <summary>
/// What an error or annotation message must be: exactly a text (<c>msg:</c>, <c>expected_fail_message</c>),
/// matching a regex anywhere in it (<c>regex:</c>, <c>expected_fail_regexp</c>, unanchored as Go's
/// <c>MatchString</c>), or anything (an <c>expect</c> line without a message).
/// </summary>
public sealed class MessagePattern
{
    public static readonly MessagePattern Any = new(null, null);

    private readonly string? _exact;
    private readonly Regex? _regex;

    private MessagePattern(string? exact, Regex? regex)
    {
        _exact = exact;
        _regex = regex;
    }

    public static MessagePattern Exactly(string message) => new(message, null);

    /// <summary>Throws <see cref="FormatException"/> for a pattern that is not a valid regex.</summary>
    public static MessagePattern Matching(string pattern)
    {
        try
        {
            return new MessagePattern(null, new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"invalid regexp '{pattern}': {ex.Message}", ex);
        }
    }

    public bool Matches(string message) => _regex?.IsMatch(message) ?? (_exact is null || _exact == message);

    /// <summary>How a failure describes the expectation: <c>message "..."</c>, <c>pattern "..."</c> or <c>any message</c>.</summary>
    public override string ToString() =>
        _regex is not null ? $"pattern \"{_regex}\"" : _exact is not null ? $"message \"{_exact}\"" : "any message";
}
