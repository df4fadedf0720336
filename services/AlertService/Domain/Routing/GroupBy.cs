using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Routing;

/// <summary>
/// A route's <c>group_by</c>: a list of label names, or <c>['...']</c> meaning "every label"
/// (each distinct label set is its own group, i.e. grouping disabled).
/// </summary>
public sealed record GroupBy(bool All, IReadOnlyList<string> Names)
{
    public static GroupBy None { get; } = new(false, []);

    /// <summary><see cref="Names"/> in ordinal order, for hashing an alert's group labels without building them.</summary>
    public IReadOnlyList<string> SortedNames { get; } = [.. Names.Order(StringComparer.Ordinal)];

    public static GroupBy Everything { get; } = new(true, []);

    public static GroupBy Of(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Contains("...") ? Everything : new GroupBy(false, list.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>The labels that identify the alert's group.</summary>
    public LabelSet GroupLabels(LabelSet labels) => All ? labels : labels.Keep(Names);

    public override string ToString() => All ? "[...]" : "[" + string.Join(",", Names) + "]";
}
