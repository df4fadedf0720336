namespace AirisEpm.LogService.Patterns;

/// <summary>
/// A node of the <see cref="PrefixTree"/>: literal children by token, one wildcard child, and at a leaf the
/// clusters routed there. Knows its parent so that emptied nodes can be pruned.
/// </summary>
internal sealed class TreeNode(TreeNode? parent, string? key)
{
    private Dictionary<string, TreeNode>? _children;
    private Dictionary<string, TreeNode>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TreeNode? Parent => parent;

    /// <summary>The token this node is reached by; null for the wildcard child and the length nodes.</summary>
    public string? Key => key;

    public TreeNode? WildcardChild { get; private set; }

    public List<LogCluster>? Clusters { get; set; }

    /// <summary>Literal children plus the wildcard child, which counts against the limit as in Drain.</summary>
    public int ChildCount => (_children?.Count ?? 0) + (WildcardChild is null ? 0 : 1);

    public bool IsEmpty => ChildCount == 0 && (Clusters is null || Clusters.Count == 0);

    /// <summary>This node and every node below it.</summary>
    public int CountNodes() => 1 + (_children?.Values.Sum(static c => c.CountNodes()) ?? 0) + (WildcardChild?.CountNodes() ?? 0);

    public TreeNode? Child(ReadOnlySpan<char> token) =>
        _children is not null && _lookup.TryGetValue(token, out var child) ? child : null;

    public TreeNode AddChild(ReadOnlySpan<char> token)
    {
        if (_children is null)
        {
            _children = new Dictionary<string, TreeNode>(StringComparer.Ordinal);
            _lookup = _children.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        var text = token.ToString();
        var child = new TreeNode(this, text);
        _children.Add(text, child);
        return child;
    }

    public TreeNode GetOrAddWildcardChild() => WildcardChild ??= new TreeNode(this, null);

    public void RemoveChild(TreeNode child)
    {
        if (ReferenceEquals(child, WildcardChild))
        {
            WildcardChild = null;
        }
        else if (child.Key is not null)
        {
            _children?.Remove(child.Key);
        }
    }
}
