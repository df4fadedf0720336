using System.Text.RegularExpressions;

namespace AirisEpm.AlertService.Domain.Labels;

/// <summary>
/// One label matcher. Regexes are fully anchored (<c>^(?:re)$</c>) as in Prometheus and
/// Alertmanager, and run on the non-backtracking engine, which like Go's RE2 gives linear
/// time and rejects backreferences and lookarounds.
/// </summary>
public sealed class Matcher : IEquatable<Matcher>
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);
    private readonly Regex? _regex;

    private Matcher(string name, string value, MatchOperator type, Regex? regex)
    {
        Name = name;
        Value = value;
        Operator = type;
        _regex = regex;
    }

    public string Name { get; }

    public string Value { get; }

    public MatchOperator Operator { get; }

    public bool IsRegex => Operator is MatchOperator.Regex or MatchOperator.NotRegex;

    public bool IsEqual => Operator is MatchOperator.Equal or MatchOperator.Regex;

    /// <summary>Builds a matcher; throws <see cref="MatcherException"/> for a bad name or regex.</summary>
    public static Matcher Create(string name, MatchOperator type, string value, int position = 0)
    {
        if (!LabelName.IsValid(name))
        {
            throw new MatcherException(position, $"invalid label name \"{name}\": must match [a-zA-Z_][a-zA-Z0-9_]*");
        }
        Regex? regex = null;
        if (type is MatchOperator.Regex or MatchOperator.NotRegex)
        {
            try
            {
                regex = new Regex($"^(?:{value})$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, RegexTimeout);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                throw new MatcherException(position, $"invalid regular expression \"{value}\" for label \"{name}\": {ex.Message}");
            }
        }
        return new Matcher(name, value, type, regex);
    }

    /// <summary>Builds a matcher from Alertmanager API v2 fields.</summary>
    public static Matcher FromApi(string name, string value, bool isRegex, bool isEqual = true) =>
        Create(name, MatchOperatorExtensions.FromApi(isRegex, isEqual), value);

    public bool Matches(string value) => Operator switch
    {
        MatchOperator.Equal => value == Value,
        MatchOperator.NotEqual => value != Value,
        MatchOperator.Regex => _regex!.IsMatch(value),
        MatchOperator.NotRegex => !_regex!.IsMatch(value),
        _ => false,
    };

    /// <summary>Matches the label's value; an absent label matches as "".</summary>
    public bool Matches(LabelSet labels) => Matches(labels[Name]);

    public bool MatchesEmpty => Matches(string.Empty);

    public override string ToString() => $"{Name}{Operator.Symbol()}{GoString.Quote(Value)}";

    public bool Equals(Matcher? other) =>
        other is not null && Name == other.Name && Value == other.Value && Operator == other.Operator;

    public override bool Equals(object? obj) => Equals(obj as Matcher);

    public override int GetHashCode() => HashCode.Combine(Name, Value, Operator);
}
