namespace AirisEpm.LogService.Patterns;

/// <summary>
/// One pattern being learned: its template (tokens joined by single spaces, wildcards written
/// <c>&lt;*&gt;</c>), its id, counters, the first line seen, where it sits in the prefix tree and in the
/// recency list. Mutated only under <see cref="PatternMiner"/>'s lock.
/// </summary>
internal sealed class LogCluster
{
    private int[] _tokenStarts = [];

    public LogCluster(string template, int tokenCount, string id, string sample, long seenAtTicks)
    {
        SetTemplate(template, tokenCount, id);
        Sample = sample;
        FirstSeenTicks = seenAtTicks;
        LastSeenTicks = seenAtTicks;
    }

    public string Template { get; private set; } = "";

    public string Id { get; private set; } = "";

    public int TokenCount => _tokenStarts.Length;

    /// <summary>Tokens holding a wildcard: Drain's parameter count, which breaks ties between equally similar templates.</summary>
    public int WildcardTokens { get; private set; }

    public long Count { get; set; }

    public long FirstSeenTicks { get; set; }

    public long LastSeenTicks { get; set; }

    public string Sample { get; }

    /// <summary>The tree leaf whose cluster list holds this cluster.</summary>
    public TreeNode? Leaf { get; set; }

    /// <summary>Ids this cluster had before its template generalised, oldest first (see <see cref="PatternIndex"/>).</summary>
    public Queue<string>? FormerIds { get; set; }

    /// <summary>Links in <see cref="ClusterLru"/>.</summary>
    public LogCluster? Newer { get; set; }

    public LogCluster? Older { get; set; }

    public PatternMatch Match => new(Id, Template);

    public ReadOnlySpan<char> Token(int index)
    {
        var start = _tokenStarts[index];
        var end = index + 1 < _tokenStarts.Length ? _tokenStarts[index + 1] - 1 : Template.Length;
        return Template.AsSpan(start, end - start);
    }

    /// <summary>Replaces the template; its tokens are found again at the single spaces between them.</summary>
    public void SetTemplate(string template, int tokenCount, string id)
    {
        var starts = tokenCount == _tokenStarts.Length ? _tokenStarts : new int[tokenCount];
        var wildcards = 0;
        var token = 0;
        for (var i = 0; token < tokenCount; i++)
        {
            starts[token++] = i;
            var end = template.IndexOf(' ', i);
            end = end < 0 ? template.Length : end;
            wildcards += template.AsSpan(i, end - i).Contains(TokenMasker.Wildcard, StringComparison.Ordinal) ? 1 : 0;
            i = end;
        }

        _tokenStarts = starts;
        Template = template;
        Id = id;
        WildcardTokens = wildcards;
    }
}
