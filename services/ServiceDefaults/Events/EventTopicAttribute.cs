namespace AirisEpm.ServiceDefaults.Events;

/// <summary>Names the pub/sub topic an integration event is published on.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTopicAttribute(string topic) : Attribute
{
    public string Topic { get; } = topic;
}
