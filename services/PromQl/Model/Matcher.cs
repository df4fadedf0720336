using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace AirisEpm.PromQl.Model;

/// <summary>
/// One label matcher as Prometheus 3 defines it: regexes are fully anchored (<c>^(?:re)$</c>), <c>.</c>
/// matches a newline too, and they run on the non-backtracking engine, which like Go's RE2 gives linear
/// time and rejects backreferences and lookarounds. A series without the label has the empty value, so
/// <c>job=""</c> selects series without <c>job</c>. No match timeout: the engine is linear in the input, and a timeout
/// only turned a busy machine into a RegexMatchTimeoutException mid-query.
/// </summary>
public sealed partial class Matcher : IEquatable<Matcher>
{
    private readonly Regex? _regex;

    private Matcher(string name, MatchOp op, string value, Regex? regex)
    {
        Name = name;
        Op = op;
        Value = value;
        _regex = regex;
    }

    public string Name { get; }

    public MatchOp Op { get; }

    public string Value { get; }

    public bool IsRegex => Op is MatchOp.Regex or MatchOp.NotRegex;

    /// <summary>True when the matcher selects series that lack the label (it matches the empty value).</summary>
    public bool MatchesEmpty => Matches("");

    /// <summary>Builds a matcher; throws <see cref="ArgumentException"/> with Prometheus's wording for a bad regex.</summary>
    public static Matcher Create(string name, MatchOp op, string value) =>
        TryCreate(name, op, value, out var matcher, out var error) ? matcher : throw new ArgumentException(error, nameof(value));

    /// <summary>Builds a matcher, or gives the reason it cannot be built (<c>error parsing regexp: ...</c>).</summary>
    public static bool TryCreate(string name, MatchOp op, string value, [NotNullWhen(true)] out Matcher? matcher, out string error)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        matcher = null;
        error = "";
        Regex? regex = null;
        if (op is MatchOp.Regex or MatchOp.NotRegex)
        {
            try
            {
                regex = new Regex($"^(?:{value})\\z", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.Singleline, Regex.InfiniteMatchTimeout);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                error = $"error parsing regexp: {ex.Message}";
                return false;
            }
        }

        matcher = new Matcher(name, op, value, regex);
        return true;
    }

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

    public bool Matches(LabelSet labels) => Matches(labels[Name]);

    public static string OperatorText(MatchOp op) => op switch
    {
        MatchOp.Equal => "=",
        MatchOp.NotEqual => "!=",
        MatchOp.Regex => "=~",
        _ => "!~",
    };

    /// <summary>Prints <c>name="value"</c> as Prometheus 3 does: the value quoted, the name too when it is not a legacy name (<c>"a.b"="c"</c>).</summary>
    public override string ToString() => LabelNames.Format(Name) + OperatorText(Op) + PromQlString.Quote(Value);

    public bool Equals(Matcher? other) =>
        other is not null && Name == other.Name && Op == other.Op && Value == other.Value;

    public override bool Equals(object? obj) => Equals(obj as Matcher);

    public override int GetHashCode() => HashCode.Combine(Name, Op, Value);
}
