using AirisEpm.LogService.LogQl.Syntax;

namespace AirisEpm.LogService.LogQl.Ast;

/// <summary><c>| line_format "{{.msg}}"</c>: replaces the line with the rendered template.</summary>
public sealed record LineFormatStage : PipelineStage
{
    /// <summary>Throws <see cref="ArgumentException"/> when the template uses what <see cref="LineTemplate"/> does not support.</summary>
    public LineFormatStage(string template)
    {
        Template = template;
        Compiled = LineTemplate.Parse(template);
    }

    public string Template { get; }

    public LineTemplate Compiled { get; }
}
