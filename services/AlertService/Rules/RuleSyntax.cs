using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Routing;
using AirisEpm.AlertService.Domain.Rules;

namespace AirisEpm.AlertService.Rules;

/// <summary>Parsers of the small vocabularies a rule document uses; each reports into <see cref="RuleErrors"/>.</summary>
internal static class RuleSyntax
{
    public const string Operators = ">, >=, <, <=, ==, !=";

    private static readonly Dictionary<string, ComparisonOperator> OperatorsBySymbol = System.Enum.GetValues<ComparisonOperator>()
        .ToDictionary(op => op.Symbol(), StringComparer.Ordinal);

    public static TimeSpan Duration(string? text, TimeSpan fallback, string field, RuleErrors errors, bool required = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            if (required) errors.Add(field, "required");
            return fallback;
        }

        if (PromDuration.TryParseMs(text, out var ms)) return TimeSpan.FromMilliseconds(ms);
        errors.Add(field, $"\"{text}\" is not a duration (e.g. 30s, 5m, 1h30m)");
        return fallback;
    }

    public static ComparisonOperator Operator(string? text, string field, RuleErrors errors)
    {
        if (text is not null && OperatorsBySymbol.TryGetValue(text, out var op)) return op;
        errors.Add(field, text is null ? "required" : $"unknown operator \"{text}\": use one of {Operators}");
        return ComparisonOperator.GreaterThan;
    }

    public static double Threshold(double? value, string field, RuleErrors errors)
    {
        if (value is null) errors.Add(field, "required");
        return value ?? 0;
    }

    public static IReadOnlyList<Matcher> Matchers(IReadOnlyList<string>? texts, string field, RuleErrors errors)
    {
        var matchers = new List<Matcher>();
        for (var i = 0; i < (texts?.Count ?? 0); i++)
        {
            if (AlertmanagerMatchers.TryParse(texts![i] ?? "", out var parsed, out var error)) matchers.AddRange(parsed);
            else errors.Add($"{field}[{i}]", error!.Reason);
        }

        return matchers;
    }

    public static TEnum Enum<TEnum>(string? text, TEnum fallback, string field, string known, RuleErrors errors)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrEmpty(text)) return fallback;
        var normalized = text.Replace("_", "", StringComparison.Ordinal);
        if (System.Enum.TryParse<TEnum>(normalized, ignoreCase: true, out var value) && !int.TryParse(text, out _)) return value;
        errors.Add(field, $"\"{text}\" is not one of {known}");
        return fallback;
    }
}
