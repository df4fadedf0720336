using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Analysis.Trees;

/// <summary>One span in a <see cref="TraceTree"/>: its parent (null for a root) and its children, sorted by start.</summary>
public sealed class TraceNode
{
    internal TraceNode(Span span, int index)
    {
        Span = span;
        Index = index;
    }

    public Span Span { get; }

    /// <summary>Position in <see cref="TraceTree.Nodes"/>, for analyses that keep per-span arrays.</summary>
    public int Index { get; }

    public TraceNode? Parent { get; internal set; }

    public IReadOnlyList<TraceNode> Children => ChildList;

    internal List<TraceNode> ChildList { get; } = [];
}
