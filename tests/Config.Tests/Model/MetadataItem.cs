namespace AirisEpm.Config.Tests.Model;

/// <summary>One entry of a component's spec.metadata: a plain value or a secretKeyRef.</summary>
public sealed record MetadataItem(string Name, string? Value, string? SecretName, string? SecretKey)
{
    public bool IsSecretRef => SecretName is not null;

    /// <summary>How a finding names this entry.</summary>
    public string Field => $"spec.metadata[{Name}]";
}
