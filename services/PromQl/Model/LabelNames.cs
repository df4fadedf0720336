namespace AirisEpm.PromQl.Model;

/// <summary>
/// Label and metric name rules of Prometheus 3: any non-empty UTF-8 name is valid, and names outside the legacy
/// character set (<c>[a-zA-Z_][a-zA-Z0-9_]*</c>, colons too for metric names) are printed double-quoted.
/// </summary>
public static class LabelNames
{
    public static bool IsValid(string name) => name.Length > 0;

    public static bool IsLegacyLabelName(string name) => IsLegacy(name, allowColon: false);

    public static bool IsLegacyMetricName(string name) => IsLegacy(name, allowColon: true);

    /// <summary>The name as PromQL prints it: bare when legacy, else quoted (<c>"a.b"</c>).</summary>
    public static string Format(string name) => IsLegacyLabelName(name) ? name : PromQlString.Quote(name);

    private static bool IsLegacy(string name, bool allowColon)
    {
        if (name.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var ok = c == '_' || char.IsAsciiLetter(c) || (allowColon && c == ':') || (i > 0 && char.IsAsciiDigit(c));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
