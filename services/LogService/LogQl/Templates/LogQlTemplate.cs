using System.Text.RegularExpressions;
using AirisEpm.GoTemplates;

namespace AirisEpm.LogService.LogQl.Templates;

/// <summary>
/// A <c>line_format</c> or <c>label_format</c> template: Go's text/template (<see cref="GoTemplate"/>, the
/// repository's one engine) over the line's labels as a <c>map[string]string</c> with
/// <c>missingkey=zero</c> (a missing label reads as ""), with Loki's and sprig's functions, <c>__line__</c>
/// (the current line) and <c>__timestamp__</c> (its time). A template that is a single field reference
/// (<c>{{.msg}}</c>) is answered by a lookup, as Loki does. Rendering sets the current line and time on this
/// instance, so one instance serves one query's pipeline at a time (each parse of a query makes its own).
/// </summary>
public sealed partial class LogQlTemplate
{
    private readonly GoTemplate _template;
    private readonly string? _simpleKey;
    private string _line = "";
    private long _timestampNs;

    private LogQlTemplate(string kind, string text)
    {
        Text = text;
        var functions = new Dictionary<string, GoFunction>(LokiTemplateFunctions.All, StringComparer.Ordinal);
        foreach (var (name, function) in SprigFunctions.All) functions[name] = function;
        functions["__line__"] = a => TemplateArgs.Exactly(a, 0, "__line__") is { } ? _line : null;
        functions["__timestamp__"] = a => TemplateArgs.Exactly(a, 0, "__timestamp__") is { } ? DateTimeOffset.UnixEpoch.AddTicks(_timestampNs / 100) : null;
        _template = GoTemplate.Parse(kind, text, functions);
        _simpleKey = SimpleKeyPattern().Match(text) is { Success: true } m ? m.Groups[1].Value : null;
    }

    public string Text { get; }

    /// <summary>The label a template of a single field reference (<c>{{.msg}}</c>) reads, or null.</summary>
    public string? SimpleKey => _simpleKey;

    /// <summary>Parses <paramref name="text"/> as template <paramref name="kind"/> (<c>line</c> or <c>label</c>, the name Go's errors carry); throws <see cref="GoTemplateException"/> with Go's message.</summary>
    public static LogQlTemplate Parse(string kind, string text)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(text);
        return new LogQlTemplate(kind, text);
    }

    /// <summary>The rendered text; throws <see cref="GoTemplateException"/> when the template fails on this line (Loki's <c>TemplateFormatErr</c>).</summary>
    public string Render(IReadOnlyDictionary<string, string> labels, string line, long timestampNs)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (_simpleKey is not null) return labels.GetValueOrDefault(_simpleKey, "");
        _line = line;
        _timestampNs = timestampNs;
        return _template.Execute(GoMap.Strings(labels));
    }

    [GeneratedRegex(@"^\{\{\s*\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$")]
    private static partial Regex SimpleKeyPattern();
}
