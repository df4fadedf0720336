namespace AirisEpm.LogService.Patterns;

/// <summary>
/// Drain's fixed-depth tree (He et al., ICWS 2017, steps 2 and 3, search by length and by preceding tokens): the first level splits lines by token count,
/// so lines of different lengths never meet; the next <c>depth</c> levels by leading tokens (never the last
/// token of a line). A masked token, or a new token at a node already holding
/// <c>maxChildren − 1</c> literal children, goes to the node's wildcard child. A leaf keeps the clusters
/// routed to it, so a line is compared with a handful of templates instead of all. Nodes left without
/// clusters or children are pruned, so the tree's size follows the number of clusters. Not thread-safe:
/// <see cref="PatternMiner"/> holds its lock around every call.
/// </summary>
internal sealed class PrefixTree(int depth, int maxChildren)
{
    private readonly Dictionary<int, TreeNode> _byLength = [];

    /// <summary>The clusters a line is compared with: Drain's tree search, exact token first, then wildcard.</summary>
    public List<LogCluster>? Find(MaskedLine line)
    {
        if (!_byLength.TryGetValue(line.Count, out var node))
        {
            return null;
        }

        var routed = RoutedTokens(line.Count);
        for (var i = 0; i < routed && node is not null; i++)
        {
            node = (line.IsMasked(i) ? null : node.Child(line[i])) ?? node.WildcardChild;
        }

        return node?.Clusters;
    }

    /// <summary>Adds a new cluster along the line's path, creating nodes as Drain does.</summary>
    public void Add(LogCluster cluster, MaskedLine line)
    {
        if (!_byLength.TryGetValue(line.Count, out var node))
        {
            node = new TreeNode(null, null);
            _byLength.Add(line.Count, node);
        }

        var routed = RoutedTokens(line.Count);
        for (var i = 0; i < routed; i++)
        {
            node = Step(node, line, i);
        }

        (node.Clusters ??= []).Add(cluster);
        cluster.Leaf = node;
    }

    /// <summary>Takes a cluster out of its leaf and prunes the nodes that leaves empty.</summary>
    public void Remove(LogCluster cluster)
    {
        var node = cluster.Leaf;
        cluster.Leaf = null;
        if (node is null)
        {
            return;
        }

        node.Clusters?.Remove(cluster);
        while (node.IsEmpty)
        {
            if (node.Parent is null)
            {
                _byLength.Remove(cluster.TokenCount);
                return;
            }

            node.Parent.RemoveChild(node);
            node = node.Parent;
        }
    }

    /// <summary>Nodes in the tree, counted by walking it (for tests of the memory bound).</summary>
    public int NodeCount() => _byLength.Values.Sum(static n => n.CountNodes());

    private TreeNode Step(TreeNode node, MaskedLine line, int index)
    {
        if (line.IsMasked(index))
        {
            return node.GetOrAddWildcardChild();
        }

        var token = line[index];
        var child = node.Child(token);
        if (child is not null)
        {
            return child;
        }

        // One slot stays free for the wildcard child.
        var literalRoom = node.WildcardChild is null ? node.ChildCount + 1 < maxChildren : node.ChildCount < maxChildren;
        return literalRoom ? node.AddChild(token) : node.GetOrAddWildcardChild();
    }

    private int RoutedTokens(int tokenCount) => Math.Min(depth, tokenCount - 1);
}
