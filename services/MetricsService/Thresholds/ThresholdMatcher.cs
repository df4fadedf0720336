using System.Text.RegularExpressions;
using AirisEpm.MetricsService.Domain;

namespace AirisEpm.MetricsService.Thresholds;

/// <summary>A compiled label matcher (=, !=, =~, !~); regexes are anchored as in Prometheus.</summary>
public sealed class ThresholdMatcher
{
    private readonly string _name;
    private readonly string _op;
    private readonly string _value;
    private readonly Regex? _regex;

    private ThresholdMatcher(string name, string op, string value, Regex? regex)
    {
        _name = name;
        _op = op;
        _value = value;
        _regex = regex;
    }

    /// <summary>Compiles a matcher, or explains in <paramref name="error"/> why it cannot.</summary>
    public static ThresholdMatcher? TryCreate(string name, string op, string value, out string? error)
    {
        error = null;
        switch (op)
        {
            case "=" or "!=":
                return new ThresholdMatcher(name, op, value, null);
            case "=~" or "!~":
                try
                {
                    var regex = new Regex($"^(?:{value})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
                    return new ThresholdMatcher(name, op, value, regex);
                }
                catch (ArgumentException ex)
                {
                    error = $"invalid regex for label '{name}': {ex.Message}";
                    return null;
                }

            default:
                error = $"unknown matcher operator '{op}' for label '{name}'";
                return null;
        }
    }

    /// <summary>A missing label matches as the empty string, as in Prometheus.</summary>
    public bool Matches(LabelSet labels)
    {
        var actual = labels[_name] ?? "";
        return _op switch
        {
            "=" => actual == _value,
            "!=" => actual != _value,
            "=~" => _regex!.IsMatch(actual),
            _ => !_regex!.IsMatch(actual),
        };
    }
}
