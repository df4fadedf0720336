namespace AirisEpm.TestSupport.LogHub;

/// <summary>One line of a LogHub structured file: the message (<c>Content</c>) and its ground-truth event.</summary>
public sealed record LogHubLine(string Content, string EventId, string EventTemplate);
