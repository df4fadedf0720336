namespace AirisEpm.AlertService.Escalation;

/// <summary>Escalation policies, kept in the state store so every replica sees the same ones.</summary>
public interface IEscalationPolicyRepository
{
    Task<IReadOnlyList<EscalationPolicy>> ListAsync(CancellationToken cancellationToken);

    Task<EscalationPolicy?> GetAsync(string name, CancellationToken cancellationToken);

    Task SaveAsync(EscalationPolicy policy, CancellationToken cancellationToken);

    /// <summary>False when there was no such policy.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken);
}
