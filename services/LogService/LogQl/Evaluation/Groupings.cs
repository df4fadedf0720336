using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>The group a series falls in: <c>by</c> keeps the named labels (aliases resolved), <c>without</c> drops them, no grouping is one group.</summary>
public static class Groupings
{
    public static LabelSet Key(LabelSet labels, Grouping? grouping)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (grouping is null) return LabelSet.Empty;
        if (grouping.Without) return labels.Without(grouping.Labels as IReadOnlyCollection<string> ?? [.. grouping.Labels]);
        return LabelSet.From(grouping.Labels.Select(name => new Label(name, StreamLabels.Resolve(name, n => labels[n]) ?? "")));
    }
}
