using System.Text.RegularExpressions;

namespace AirisEpm.WebConsole.Dashboards.Grafana;

/// <summary>
/// Replaces references to fixed variables (Grafana's constants) in the three spellings Grafana reads:
/// <c>$name</c> (not followed by a word character, so <c>$name_2</c> is another variable), <c>${name}</c> or
/// <c>${name:format}</c>, and <c>[[name]]</c>.
/// </summary>
internal sealed class VariableSubstitution
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private Regex? _pattern;

    public int Count => _values.Count;

    public void Add(string name, string value)
    {
        _values[name] = value;
        _pattern = null;
    }

    public bool Contains(string name) => _values.ContainsKey(name);

    public string Apply(string text)
    {
        if (_values.Count == 0) return text;
        _pattern ??= new Regex(
            string.Join("|", _values.Keys.Select(Regex.Escape).Select(n => $@"\$\{{(?<n>{n})(?::[^}}]*)?\}}|\[\[(?<n>{n})(?::[^\]]*)?\]\]|\$(?<n>{n})(?!\w)")),
            RegexOptions.CultureInvariant);
        return _pattern.Replace(text, match => _values[match.Groups["n"].Value]);
    }
}
