namespace AirisEpm.AlertService.Notifications;

/// <summary>The channels behind each receiver name of the routing configuration.</summary>
public interface IReceiverCatalog
{
    /// <summary>The receiver's channels, or null when no receiver has that name.</summary>
    IReadOnlyList<ChannelTarget>? Targets(string receiver);
}
