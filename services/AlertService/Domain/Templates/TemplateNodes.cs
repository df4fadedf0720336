namespace AirisEpm.AlertService.Domain.Templates;

// The parsed form: text and actions; an action is a pipeline of commands.
internal abstract record TemplateNode;

internal sealed record TextNode(string Text) : TemplateNode;

internal sealed record ActionNode(IReadOnlyList<CommandNode> Pipeline) : TemplateNode;

/// <summary>Either a single operand, or a function applied to arguments (the piped value is appended last).</summary>
internal sealed record CommandNode(string? Function, IReadOnlyList<Operand> Args, int Position);

internal abstract record Operand;

internal sealed record LiteralOperand(object Value) : Operand;

/// <summary><c>Source</c> is labels, annotations or value; <c>Key</c> the label/annotation name.</summary>
internal sealed record DataOperand(DataSource Source, string? Key) : Operand;

internal enum DataSource
{
    Labels,
    Annotations,
    Value,
}
