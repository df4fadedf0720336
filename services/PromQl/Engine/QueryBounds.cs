namespace AirisEpm.PromQl.Engine;

/// <summary>A query's own start and end (Unix milliseconds): what <c>@ start()</c> and <c>@ end()</c> pin to.</summary>
public readonly record struct QueryBounds(long StartMs, long EndMs);
