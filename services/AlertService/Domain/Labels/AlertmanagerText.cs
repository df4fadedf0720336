using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Labels;

/// <summary>
/// A label set as Alertmanager prints it (prometheus/common <c>model.LabelSet.String</c>): <c>{a="1", b="2"}</c>, every
/// label (<c>__name__</c> too) by name, values quoted as Go's <c>strconv.Quote</c>; the form its group keys carry.
/// </summary>
public static class AlertmanagerText
{
    public static string Of(LabelSet labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return "{" + string.Join(", ", labels.Labels.Select(l => l.Name + "=" + PromQlString.Quote(l.Value))) + "}";
    }
}
