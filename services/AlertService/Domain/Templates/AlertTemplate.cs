using System.Text;

namespace AirisEpm.AlertService.Domain.Templates;

/// <summary>
/// A parsed annotation/notification template. Parse once at rule validation time (a template
/// that does not parse is rejected there with its position), render at each evaluation.
/// A missing label renders as "" (Prometheus's <c>$labels</c> is a map of strings).
/// </summary>
public sealed class AlertTemplate
{
    private readonly IReadOnlyList<TemplateNode> _nodes;

    private AlertTemplate(string source, IReadOnlyList<TemplateNode> nodes)
    {
        Source = source;
        _nodes = nodes;
    }

    public string Source { get; }

    /// <summary>Parses; throws <see cref="TemplateException"/> naming the position and reason.</summary>
    public static AlertTemplate Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new AlertTemplate(source, new TemplateParser(source).Parse());
    }

    public static bool TryParse(string source, out AlertTemplate? template, out TemplateException? error)
    {
        try
        {
            template = Parse(source);
            error = null;
            return true;
        }
        catch (TemplateException ex)
        {
            template = null;
            error = ex;
            return false;
        }
    }

    /// <summary>Renders; a function given a non-number (e.g. humanize of a label) throws <see cref="TemplateException"/>.</summary>
    public string Render(TemplateData data)
    {
        var sb = new StringBuilder();
        foreach (var node in _nodes)
        {
            if (node is TextNode text) sb.Append(text.Text);
            else if (node is ActionNode action) sb.Append(TemplateFunctions.Format(Run(action.Pipeline, data)));
        }
        return sb.ToString();
    }

    private static object Run(IReadOnlyList<CommandNode> pipeline, TemplateData data)
    {
        object? piped = null;
        foreach (var command in pipeline)
        {
            var args = command.Args.Select(a => Resolve(a, data)).ToList();
            if (piped is not null) args.Add(piped);
            if (command.Function is null)
            {
                piped = args[0];
                continue;
            }
            try
            {
                piped = TemplateFunctions.All[command.Function](args[0]);
            }
            catch (FormatException ex)
            {
                throw new TemplateException(command.Position, $"error calling {command.Function}: {ex.Message}");
            }
        }
        return piped ?? string.Empty;
    }

    private static object Resolve(Operand operand, TemplateData data) => operand switch
    {
        LiteralOperand literal => literal.Value,
        DataOperand { Source: DataSource.Value } => data.Value is { } v ? v : string.Empty,
        DataOperand { Source: DataSource.Labels, Key: var key } => data.Labels[key!],
        DataOperand { Source: DataSource.Annotations, Key: var key } => data.Annotations?[key!] ?? string.Empty,
        _ => string.Empty,
    };
}
