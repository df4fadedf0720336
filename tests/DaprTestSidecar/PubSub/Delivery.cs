namespace AirisEpm.DaprTestSidecar.PubSub;

public enum DeliveryOutcome
{
    Pending,
    Acknowledged,
    Dropped,
    DeadLettered,
    Expired,
}

/// <summary>One message's delivery to one subscribing app, with every attempt's HTTP status.</summary>
public sealed class Delivery(PublishedMessage message, string appId, string route)
{
    private readonly List<int> _attempts = [];

    public PublishedMessage Message => message;

    public string AppId => appId;

    public string Route => route;

    public DeliveryOutcome Outcome { get; internal set; } = DeliveryOutcome.Pending;

    /// <summary>Status code of each attempt (0 when the app could not be reached).</summary>
    public IReadOnlyList<int> Attempts
    {
        get
        {
            lock (_attempts)
            {
                return _attempts.ToList();
            }
        }
    }

    internal void Record(int statusCode)
    {
        lock (_attempts)
        {
            _attempts.Add(statusCode);
        }
    }

    public override string ToString() => $"{message.Topic} #{message.Id} -> {appId}{route}: {Outcome} after {Attempts.Count} attempt(s)";
}
