using System.Text.RegularExpressions;

namespace AirisEpm.MetricsService.Storage;

/// <summary>The four Prometheus label match operators.</summary>
public enum MatchOp
{
    Equal,
    NotEqual,
    Regex,
    NotRegex,
}

/// <summary>
/// One label matcher as Prometheus defines it: regexes are fully anchored, and a series without the
/// label is treated as having the empty value (so <c>job=""</c> selects series without <c>job</c>).
/// </summary>
public sealed class LabelMatcher
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);
    private readonly Regex? _regex;

    public LabelMatcher(string name, MatchOp op, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        Op = op;
        Value = value;
        if (op is MatchOp.Regex or MatchOp.NotRegex)
        {
            // Throws ArgumentException for an invalid pattern; callers turn it into a 400.
            _regex = new Regex($"^(?:{value})$", RegexOptions.CultureInvariant | RegexOptions.Singleline, RegexTimeout);
        }
    }

    public string Name { get; }

    public MatchOp Op { get; }

    public string Value { get; }

    public bool Matches(string? labelValue)
    {
        var actual = labelValue ?? "";
        return Op switch
        {
            MatchOp.Equal => actual == Value,
            MatchOp.NotEqual => actual != Value,
            MatchOp.Regex => _regex!.IsMatch(actual),
            _ => !_regex!.IsMatch(actual),
        };
    }

    public override string ToString() => Name + Op switch
    {
        MatchOp.Equal => "=",
        MatchOp.NotEqual => "!=",
        MatchOp.Regex => "=~",
        _ => "!~",
    } + "\"" + Value + "\"";
}
