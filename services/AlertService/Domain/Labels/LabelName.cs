using System.Text.RegularExpressions;

namespace AirisEpm.AlertService.Domain.Labels;

/// <summary>Label-name rules of the Prometheus data model: <c>[a-zA-Z_][a-zA-Z0-9_]*</c>.</summary>
public static partial class LabelName
{
    public static bool IsValid(string? name) => !string.IsNullOrEmpty(name) && Pattern().IsMatch(name);

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
