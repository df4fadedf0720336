namespace AirisEpm.PromQl.Model;

/// <summary>One label of a series; the metric name is the label <c>__name__</c>.</summary>
public readonly record struct Label(string Name, string Value);
