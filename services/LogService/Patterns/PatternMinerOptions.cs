namespace AirisEpm.LogService.Patterns;

/// <summary>
/// Settings of the <see cref="PatternMiner"/>. <see cref="Default"/> is the one configuration used for every
/// log source; it was chosen on general grounds and checked against the LogHub 2k samples (the accuracy test
/// in tests/LogService.Tests/Patterns prints the grouping accuracy it reaches). References are to the Drain
/// paper: P. He, J. Zhu, Z. Zheng, M. R. Lyu, "Drain: An Online Log Parsing Approach with Fixed Depth Tree",
/// ICWS 2017.
/// </summary>
public sealed record PatternMinerOptions
{
    /// <summary>The settings every log source uses.</summary>
    public static PatternMinerOptions Default { get; } = new();

    /// <summary>
    /// Fraction of a line's tokens that must agree with a cluster's template for the line to join it
    /// (Drain's step 4, search by token similarity, "st"). Equal tokens agree, and so do masked variables of
    /// the same shape (a line's <c>uid=&lt;*&gt;</c> against a template's), which Drain's reference
    /// implementation counts as disagreeing; with variables masked first and counted, the tokens left to
    /// disagree are words, so the paper's 0.4–0.5 merges distinct events: at 0.5, LogHub OpenSSH's
    /// <c>Received disconnect from &lt;*&gt;: Bye Bye [preauth]</c> absorbs <c>… disconnected by user</c>
    /// (three words of eight) and accuracy there falls from 0.995 to 0.787. Two words of eight differing is
    /// still two events (Hadoop <c>Transitioned from NEW to SCHEDULED</c> against
    /// <c>from RUNNING to KILLED</c>); one in five is a variable the masks cannot see (a user name in
    /// <c>Invalid user &lt;*&gt; from &lt;*&gt;</c>). So the threshold sits just above three quarters:
    /// 0.76 merges one token in five and two in nine, never two in eight. Every value in (0.75, 0.8] gives
    /// the same accuracy on the eight LogHub samples (mean 0.9625; 0.75 gives 0.955, 0.81 gives 0.941);
    /// the low end was taken to err towards merging, as Drain's published per-dataset settings go below
    /// its default for several datasets the samples here do not cover.
    /// </summary>
    public double SimilarityThreshold { get; init; } = 0.76;

    /// <summary>
    /// Number of leading tokens the prefix tree routes on, below its first level (token count). Drain's
    /// "depth" counts the root and the length layer too, so this is the paper's depth minus two; the
    /// paper's default depth of 4 gives 2. Deeper trees split events whose third token is a variable word
    /// before similarity can see them (LogHub OpenSSH: 0.938 with 3 tokens, 0.690 with 4, 0.995 with 2);
    /// a single token lets templates that share only their first word meet and merge (OpenSSH 0.925).
    /// </summary>
    public int PrefixDepth { get; init; } = 2;

    /// <summary>
    /// Most children an inner tree node keeps (Drain's step 3, "maxChild", default 100). A node holds at most
    /// this many minus one literal tokens plus the wildcard child; later new tokens share the wildcard
    /// child, so a variable word in a routing position (a user name first in the line) cannot grow the
    /// tree without bound. 100 is the paper's value and Drain3's.
    /// </summary>
    public int MaxChildrenPerNode { get; init; } = 100;

    /// <summary>
    /// Most clusters kept; beyond it the least recently matched cluster is evicted (the paper keeps all;
    /// Drain3 and Loki added this bound). A cluster keeps about 1 KB alive for real lines and about 6 KB for
    /// lines at <see cref="MaxLineLength"/> (measured by ClusterMemoryTests), so 10,000 bounds the miner
    /// near 10 MB, 60 MB at worst, while being far more than the templates a system emits: the eight
    /// LogHub samples hold 6 (Apache) to 120 (BGL) each.
    /// </summary>
    public int MaxClusters { get; init; } = 10_000;

    /// <summary>
    /// Tokens a line is cut to: the rest of a longer line becomes one final <c>&lt;*&gt;</c>. Bounds the
    /// work per line and the size of a template. The longest LogHub messages have 75 tokens (BGL) and 105
    /// (an HDFS block-deletion list, which the tokenizer folds to one variable anyway).
    /// </summary>
    public int MaxTokens { get; init; } = 128;

    /// <summary>
    /// Characters of a message that are read; a longer message's tail becomes one final
    /// <c>&lt;*&gt;</c>. Loki's pattern miner stops at 3,000 characters for the same reason (dumped request
    /// bodies and stack traces are not templates). The LogHub messages stay under 500 characters but for
    /// HDFS block-deletion lists (2,480, all one repeated variable); 2,048 halves the worst-case cluster of
    /// Loki's limit.
    /// </summary>
    public int MaxLineLength { get; init; } = 2048;

    /// <summary>Characters of the first line of a cluster kept as its sample (a longer line is cut).</summary>
    public int MaxSampleLength { get; init; } = 512;

    /// <summary>
    /// Former ids a pattern answers to (<see cref="PatternMiner.Resolve"/>); the oldest are forgotten
    /// beyond this. A template generalises once per token that turns out to vary, so real patterns stay
    /// well under 32, and the bound keeps a cluster's memory fixed whatever the input.
    /// </summary>
    public int MaxAliasesPerPattern { get; init; } = 32;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (double.IsNaN(SimilarityThreshold) || SimilarityThreshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SimilarityThreshold), SimilarityThreshold, "must be in (0, 1]");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(PrefixDepth, 1, nameof(PrefixDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxChildrenPerNode, 2, nameof(MaxChildrenPerNode));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxClusters, 1, nameof(MaxClusters));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTokens, 2, nameof(MaxTokens));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLineLength, 16, nameof(MaxLineLength));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxSampleLength, nameof(MaxSampleLength));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxAliasesPerPattern, nameof(MaxAliasesPerPattern));
    }
}
