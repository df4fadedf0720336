namespace AirisEpm.AlertService.Application;

/// <summary>What a notification reached: the integrations (<see cref="Domain.Dispatch.Integration.Name"/>) that failed, and the last error.</summary>
public sealed record DeliveryOutcome(IReadOnlyList<string> Failed, string? Error = null)
{
    public static DeliveryOutcome Delivered { get; } = new([]);

    public bool IsDelivered => Failed.Count == 0;
}
