namespace AirisEpm.GoTemplates;

/// <summary>
/// A Go <c>text/template</c> parsed once with a function table (text/template's builtins plus
/// <paramref name="functions"/>), run any number of times. Parsing fails exactly where Go's would, with
/// Go's message; see <see cref="GoParser"/> and <see cref="GoExecutor"/> for what each covers.
/// </summary>
public sealed class GoTemplate
{
    private readonly string _name;
    private readonly IReadOnlyDictionary<string, GoListNode> _templates;
    private readonly IReadOnlyDictionary<string, GoFunction> _functions;

    private GoTemplate(string name, IReadOnlyDictionary<string, GoListNode> templates, IReadOnlyDictionary<string, GoFunction> functions)
    {
        _name = name;
        _templates = templates;
        _functions = functions;
    }

    /// <summary>Parses; throws <see cref="GoTemplateException"/> with Go's message (<c>template: NAME:LINE: …</c>).</summary>
    public static GoTemplate Parse(string name, string text, IReadOnlyDictionary<string, GoFunction> functions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(functions);
        var all = new Dictionary<string, GoFunction>(GoBuiltins.All, StringComparer.Ordinal);
        foreach (var (fn, impl) in functions) all[fn] = impl;
        var templates = GoParser.Parse(name, text, fn => all.ContainsKey(fn) || GoBuiltins.Lazy.Contains(fn));
        return new GoTemplate(name, templates, all);
    }

    /// <summary>Runs the template on <paramref name="data"/>; throws <see cref="GoTemplateException"/> when it fails.</summary>
    public string Execute(object? data) => new GoExecutor(_name, _templates, _functions).Run(data);

    /// <summary>
    /// Runs it with <paramref name="functions"/> in place of the table it was parsed with (the same names, bound to
    /// this run: a clock, a querier), as Go's <c>Funcs</c> before <c>Execute</c>.
    /// </summary>
    public string Execute(object? data, IReadOnlyDictionary<string, GoFunction> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var all = new Dictionary<string, GoFunction>(_functions, StringComparer.Ordinal);
        foreach (var (fn, impl) in functions) all[fn] = impl;
        return new GoExecutor(_name, _templates, all).Run(data);
    }
}
