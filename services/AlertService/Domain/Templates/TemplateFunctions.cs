using System.Globalization;
using System.Text;
using AirisEpm.AlertService.Domain.PrometheusRules;

namespace AirisEpm.AlertService.Domain.Templates;

/// <summary>The functions a template may call; the humanize family is Prometheus's own (<see cref="PromTemplateFunctions"/>).</summary>
internal static class TemplateFunctions
{
    public static readonly IReadOnlyDictionary<string, Func<object, string>> All = new Dictionary<string, Func<object, string>>(StringComparer.Ordinal)
    {
        ["humanize"] = v => PromTemplateFunctions.Humanize(ToNumber(v)),
        ["humanize1024"] = v => PromTemplateFunctions.Humanize1024(ToNumber(v)),
        ["humanizePercentage"] = v => PromTemplateFunctions.G4(ToNumber(v) * 100) + "%",
        ["humanizeDuration"] = v => PromTemplateFunctions.HumanizeDuration(ToNumber(v)),
        ["toUpper"] = v => Format(v).ToUpperInvariant(),
        ["toLower"] = v => Format(v).ToLowerInvariant(),
        ["title"] = v => Title(Format(v)),
        ["trimSpace"] = v => Format(v).Trim(),
    };

    public static string Format(object value) => value switch
    {
        double d => d.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static double ToNumber(object value) => value switch
    {
        double d => d,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw new FormatException($"cannot convert \"{value}\" to a number"),
    };

    /// <summary>Go's strings.Title: upper-cases the first letter of each word, leaves the rest alone.</summary>
    private static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        var atWordStart = true;
        foreach (var c in s)
        {
            sb.Append(atWordStart ? char.ToUpperInvariant(c) : c);
            atWordStart = !char.IsLetterOrDigit(c) && c != '_' && c != '\'';
        }
        return sb.ToString();
    }
}
