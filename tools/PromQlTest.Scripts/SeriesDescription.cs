using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQlTest.Scripts;

/// <summary>A series line of a script: <c>metric{a="b"} 1 2+3x4 _ stale</c>, its labels and its expanded values.</summary>
public sealed record SeriesDescription(LabelSet Metric, IReadOnlyList<SequenceValue> Values);
