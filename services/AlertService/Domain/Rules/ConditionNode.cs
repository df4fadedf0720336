namespace AirisEpm.AlertService.Domain.Rules;

/// <summary>A rule's condition tree: <c>all</c>/<c>any</c>/<c>not</c> over leaf conditions.</summary>
public abstract record ConditionNode
{
    /// <summary>Every leaf in tree order (depth-first, left to right).</summary>
    public IEnumerable<LeafCondition> Leaves() => this switch
    {
        LeafCondition leaf => [leaf],
        AllCondition all => all.Children.SelectMany(c => c.Leaves()),
        AnyCondition any => any.Children.SelectMany(c => c.Leaves()),
        NotCondition not => not.Child.Leaves(),
        _ => [],
    };
}

/// <summary>True when every child is true.</summary>
public sealed record AllCondition(IReadOnlyList<ConditionNode> Children) : ConditionNode;

/// <summary>True when at least one child is true.</summary>
public sealed record AnyCondition(IReadOnlyList<ConditionNode> Children) : ConditionNode;

/// <summary>Negates a true/false child; no-data and error pass through (not of unknown is unknown).</summary>
public sealed record NotCondition(ConditionNode Child) : ConditionNode;
