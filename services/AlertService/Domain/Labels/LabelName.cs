namespace AirisEpm.AlertService.Domain.Labels;

/// <summary>Label-name rules of the Prometheus data model: <c>[a-zA-Z_][a-zA-Z0-9_]*</c>.</summary>
public static class LabelName
{
    /// <summary>A loop rather than a regex: every label of every posted alert is checked (twice).</summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || char.IsAsciiDigit(name[0])) return false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
        }
        return true;
    }
}
