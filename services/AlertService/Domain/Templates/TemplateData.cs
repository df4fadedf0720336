using AirisEpm.AlertService.Domain.Labels;

namespace AirisEpm.AlertService.Domain.Templates;

/// <summary>
/// What a rule's annotation template sees: <c>$labels</c>/<c>.Labels</c>, <c>.Annotations</c>
/// and <c>$value</c>/<c>.Value</c> (the evaluated value, absent when the rule had no number).
/// </summary>
public sealed record TemplateData(LabelSet Labels, LabelSet? Annotations = null, double? Value = null);
