using AirisEpm.LogService.LogQl.Templates;

namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>
/// <c>| label_format dst=src, msg="{{.a}}-{{.b}}"</c>: renames <c>src</c> to <c>dst</c> where the line has it, or
/// sets <c>dst</c> to a rendered template; each label at most once per stage, never <c>__error__</c>.
/// </summary>
public sealed record LabelFormatStage(IReadOnlyList<LabelFormat> Formats) : PipelineStage;

/// <summary>One <c>name=source</c> (<see cref="Template"/> null: a rename of <see cref="Source"/>) or <c>name="template"</c>.</summary>
public sealed record LabelFormat(string Name, string Source, LogQlTemplate? Template);
