namespace AirisEpm.LogService.LogQl.Templates;

/// <summary>Go's <c>strings.TrimPrefix</c> and <c>TrimSuffix</c>, which both Loki's and sprig's names call.</summary>
internal static class TemplateStrings
{
    public static string TrimPrefix(string s, string prefix) => prefix.Length > 0 && s.StartsWith(prefix, StringComparison.Ordinal) ? s[prefix.Length..] : s;

    public static string TrimSuffix(string s, string suffix) => suffix.Length > 0 && s.EndsWith(suffix, StringComparison.Ordinal) ? s[..^suffix.Length] : s;
}
