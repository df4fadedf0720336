namespace AirisEpm.Config.Tests.Model;

/// <summary>One broken rule: the file (relative to the repository root), the field inside it, and why.</summary>
public sealed record Finding(string File, string Field, string Message)
{
    public override string ToString() => $"{File}: {Field}: {Message}";
}
