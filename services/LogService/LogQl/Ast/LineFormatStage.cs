using AirisEpm.LogService.LogQl.Templates;

namespace AirisEpm.LogService.LogQl.Ast;

/// <summary><c>| line_format "{{.level | ToUpper}}: {{.msg}}"</c>: replaces the line with the rendered template.</summary>
public sealed record LineFormatStage(LogQlTemplate Template) : PipelineStage;
