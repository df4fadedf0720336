namespace AirisEpm.AlertService.Domain.Templates;

/// <summary>A template that does not parse (or names an unknown function/variable); <see cref="Position"/> is the 0-based offset.</summary>
public sealed class TemplateException(int position, string reason)
    : FormatException($"template error at position {position}: {reason}")
{
    public int Position { get; } = position;

    public string Reason { get; } = reason;
}
