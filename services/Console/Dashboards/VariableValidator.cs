using System.Text.RegularExpressions;
using FluentValidation;

namespace AirisEpm.WebConsole.Dashboards;

/// <summary>
/// One template variable: a name the page can interpolate (Grafana's <c>\w+</c>, not starting with <c>__</c>,
/// which is kept for <see cref="TimeMacros"/>), a known type, a query of that type, and selected values that fit.
/// </summary>
public sealed partial class VariableValidator : AbstractValidator<DashboardVariable>
{
    public VariableValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(v => v.Name).Must(IsName)
            .WithMessage($"variable name '{{PropertyValue}}' must be 1 to {DashboardLimits.MaxVariableName} letters, digits or underscores, not starting with a digit or with __.")
            .OverridePropertyName("name");
        RuleFor(v => v.Label).MaximumLength(DashboardLimits.MaxTitle)
            .WithMessage($"'label' must be at most {DashboardLimits.MaxTitle} characters.").OverridePropertyName("label");
        RuleFor(v => v.Type).Must(t => VariableTypes.All.Contains(t))
            .WithMessage($"variable type '{{PropertyValue}}' is not one of {string.Join(", ", VariableTypes.All)}.")
            .OverridePropertyName("type");
        RuleFor(v => v.Query).NotNull().WithMessage("'query' must be a string.")
            .MaximumLength(DashboardLimits.MaxVariableQuery).WithMessage($"'query' must be at most {DashboardLimits.MaxVariableQuery} characters.")
            .OverridePropertyName("query");
        RuleFor(v => v.Query).Must(IsLabelValues).When(v => v.Type == VariableTypes.Query && v.Query is not null)
            .WithMessage("'{PropertyValue}' is not label_values(label) or label_values(selector, label).").OverridePropertyName("query");
        RuleFor(v => v.Query).Must(q => SplitValues(q).Count > 0).When(v => v.Type == VariableTypes.Custom && v.Query is not null)
            .WithMessage("a custom variable's 'query' lists its values, comma-separated.").OverridePropertyName("query");
        RuleFor(v => v.Query).Must(q => SplitValues(q) is { Count: > 0 } values && values.All(IsInterval))
            .When(v => v.Type == VariableTypes.Interval && v.Query is not null)
            .WithMessage("an interval variable's 'query' lists durations, comma-separated (1m,5m,1h).").OverridePropertyName("query");
        RuleFor(v => v.Current).NotNull().WithMessage("'current' must be a list.")
            .Must(c => c.Count <= DashboardLimits.MaxCurrentValues).WithMessage($"'current' must have at most {DashboardLimits.MaxCurrentValues} values.")
            .Must(c => c.All(value => value is { Length: <= DashboardLimits.MaxValue }))
            .WithMessage($"each value of 'current' must be a string of at most {DashboardLimits.MaxValue} characters.")
            .OverridePropertyName("current");
        RuleFor(v => v.Current).Must(c => c.Count <= 1).When(v => !v.Multi && v.Current is not null)
            .WithMessage("a variable that is not 'multi' selects at most one value.").OverridePropertyName("current");
        RuleFor(v => v.Current).Must(c => !c.Contains(DashboardVariable.AllValue)).When(v => !v.IncludeAll && v.Current is not null)
            .WithMessage("'$__all' can only be selected when 'includeAll' is true.").OverridePropertyName("current");
    }

    public static bool IsName(string? name) =>
        name is { Length: > 0 and <= DashboardLimits.MaxVariableName } && Name().IsMatch(name) && !name.StartsWith("__", StringComparison.Ordinal);

    /// <summary><c>label_values(label)</c> or <c>label_values(selector, label)</c>: the label is what follows the last comma.</summary>
    public static bool IsLabelValues(string query)
    {
        var text = query.Trim();
        const string Open = "label_values(";
        if (!text.StartsWith(Open, StringComparison.Ordinal) || !text.EndsWith(')')) return false;
        var inner = text[Open.Length..^1];
        var comma = inner.LastIndexOf(',');
        var label = (comma < 0 ? inner : inner[(comma + 1)..]).Trim();
        return Name().IsMatch(label) && (comma < 0 || inner[..comma].Trim().Length > 0);
    }

    /// <summary>Values of a comma-separated list, trimmed, blanks dropped (Grafana escapes a literal comma as <c>\,</c>).</summary>
    public static IReadOnlyList<string> SplitValues(string query) =>
        [.. UnescapedComma().Split(query).Select(v => v.Trim().Replace("\\,", ",", StringComparison.Ordinal)).Where(v => v.Length > 0)];

    public static bool IsInterval(string value) => Interval().IsMatch(value);

    /// <summary>A Grafana variable name, and equally a Prometheus label name.</summary>
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex(@"(?<!\\),", RegexOptions.CultureInvariant)]
    private static partial Regex UnescapedComma();

    [GeneratedRegex(@"^[1-9][0-9]{0,8}(?:ms|s|m|h|d|w|y)$", RegexOptions.CultureInvariant)]
    private static partial Regex Interval();
}
