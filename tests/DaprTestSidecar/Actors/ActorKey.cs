namespace AirisEpm.DaprTestSidecar.Actors;

/// <summary>An actor instance: type and id.</summary>
public readonly record struct ActorKey(string Type, string Id)
{
    public override string ToString() => $"{Type}/{Id}";
}

/// <summary>A reminder or timer the sidecar keeps for an actor.</summary>
public sealed record ActorSchedule(ActorKey Actor, string Name, bool IsReminder, string Body)
{
    /// <summary>Set right after creation; the entry exists first so that an immediate firing finds it.</summary>
    public ITimer? Timer { get; internal set; }

    public int Fired { get; set; }
}
