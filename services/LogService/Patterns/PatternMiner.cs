namespace AirisEpm.LogService.Patterns;

/// <summary>
/// Online log pattern miner after Drain (He et al., ICWS 2017): one pass, each line assigned as it arrives,
/// memory bounded by <see cref="PatternMinerOptions.MaxClusters"/>.
/// <list type="number">
/// <item><see cref="LineTokenizer"/> splits the line and masks its obvious variables (numbers, addresses,
/// ids, paths, timestamps…).</item>
/// <item><see cref="PrefixTree"/> routes it by token count and leading tokens to a leaf of a few clusters.</item>
/// <item><see cref="TemplateMatcher"/> picks the most similar template; at
/// <see cref="PatternMinerOptions.SimilarityThreshold"/> or above the line joins it and the positions that
/// differ generalise (<see cref="TokenGeneralizer"/>); otherwise the line starts a new cluster, evicting the
/// least recently matched one when full (<see cref="ClusterLru"/>).</item>
/// </list>
/// A pattern's id is a hash of its template (<see cref="PatternId"/>), the same on every replica and after
/// every restart. When a template generalises its id changes and the old id becomes an alias
/// (<see cref="Resolve"/>); two clusters that reach the same template merge, so an id names one pattern.
/// <para>
/// Locking: one lock guards the tree, the clusters, the id index and the recency list. Tokenising and
/// masking, most of the work, run before it on the caller's thread with per-thread buffers; inside it a
/// line costs a tree walk and a scan of one leaf (typically well under a microsecond) and allocates nothing
/// unless a cluster is created or generalised. <see cref="MineBatch(IReadOnlyList{string})"/> tokenises a
/// chunk of lines, then takes the lock once for the chunk.
/// </para>
/// </summary>
public sealed class PatternMiner
{
    private const int BatchChunk = 64;

    [ThreadStatic]
    private static MaskedLine? t_line;

    [ThreadStatic]
    private static MaskedLine[]? t_chunk;

    private readonly Lock _gate = new();
    private readonly PatternMinerOptions _options;
    private readonly TimeProvider _time;
    private readonly LineTokenizer _tokenizer;
    private readonly PrefixTree _tree;
    private readonly PatternIndex _index;
    private readonly ClusterLru _lru = new();

    public PatternMiner(PatternMinerOptions? options = null, TimeProvider? time = null)
    {
        _options = options ?? PatternMinerOptions.Default;
        _options.Validate();
        _time = time ?? TimeProvider.System;
        _tokenizer = new LineTokenizer(_options.MaxTokens, _options.MaxLineLength);
        _tree = new PrefixTree(_options.PrefixDepth, _options.MaxChildrenPerNode);
        _index = new PatternIndex(_options.MaxAliasesPerPattern);
    }

    /// <summary>Number of patterns held (at most <see cref="PatternMinerOptions.MaxClusters"/>).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _index.Count;
            }
        }
    }

    /// <summary>What the miner holds, for tests of its memory bound: clusters, aliases and tree nodes.</summary>
    internal (int Clusters, int Aliases, int TreeNodes) Footprint
    {
        get
        {
            lock (_gate)
            {
                return (_index.Count, _index.AliasCount, _tree.NodeCount());
            }
        }
    }

    /// <summary>A snapshot of the patterns, most frequent first, copied under the lock.</summary>
    public IReadOnlyList<LogPattern> Patterns
    {
        get
        {
            LogPattern[] patterns;
            lock (_gate)
            {
                patterns = _index.Clusters.Select(ToPattern).ToArray();
            }

            Array.Sort(patterns, static (a, b) => b.Count.CompareTo(a.Count));
            return patterns;
        }
    }

    /// <summary>Assigns a line to a pattern, seen now.</summary>
    public PatternMatch Mine(string message) => Mine(message, _time.GetUtcNow());

    /// <summary>Assigns a line to a pattern, seen at <paramref name="seenAt"/> (for first and last seen).</summary>
    public PatternMatch Mine(string message, DateTimeOffset seenAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = t_line ??= new MaskedLine();
        _tokenizer.Tokenize(message, line);
        lock (_gate)
        {
            return Learn(line, message, seenAt.UtcTicks);
        }
    }

    /// <summary>Assigns each line to a pattern, all seen now; the result is in the order of the lines.</summary>
    public PatternMatch[] MineBatch(IReadOnlyList<string> messages) => MineBatch(messages, _time.GetUtcNow());

    /// <summary>Assigns each line to a pattern, all seen at <paramref name="seenAt"/>.</summary>
    public PatternMatch[] MineBatch(IReadOnlyList<string> messages, DateTimeOffset seenAt)
    {
        ArgumentNullException.ThrowIfNull(messages);
        for (var i = 0; i < messages.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(messages[i], nameof(messages));
        }

        var results = new PatternMatch[messages.Count];
        var lines = t_chunk ??= CreateChunk();
        for (var start = 0; start < messages.Count; start += BatchChunk)
        {
            var count = Math.Min(BatchChunk, messages.Count - start);
            for (var i = 0; i < count; i++)
            {
                _tokenizer.Tokenize(messages[start + i], lines[i]);
            }

            lock (_gate)
            {
                for (var i = 0; i < count; i++)
                {
                    results[start + i] = Learn(lines[i], messages[start + i], seenAt.UtcTicks);
                }
            }
        }

        return results;
    }

    /// <summary>
    /// The current id of the pattern that has or had <paramref name="patternId"/>; an id the miner does not
    /// know (never seen, or evicted) is returned as it is.
    /// </summary>
    public string Resolve(string patternId)
    {
        ArgumentNullException.ThrowIfNull(patternId);
        lock (_gate)
        {
            return _index.Find(patternId)?.Id ?? patternId;
        }
    }

    private PatternMatch Learn(MaskedLine line, string message, long ticks)
    {
        var leaf = _tree.Find(line);
        var best = leaf is null ? null : TemplateMatcher.Best(leaf, line, TemplateMatcher.Required(_options.SimilarityThreshold, line.Count));
        if (best is not null)
        {
            best = Generalize(best, line);
        }
        else
        {
            var id = PatternId.Of(line.Text);

            // The line's own template is a pattern already, or was one before generalising: it belongs there.
            best = _index.Find(id) ?? Create(line, id, message, ticks);
        }

        Touch(best, ticks);
        return best.Match;
    }

    private LogCluster Create(MaskedLine line, string id, string message, long ticks)
    {
        if (_index.Count >= _options.MaxClusters && _lru.Oldest is { } oldest)
        {
            _tree.Remove(oldest);
            _index.Remove(oldest);
            _lru.Remove(oldest);
        }

        var sample = message.Length <= _options.MaxSampleLength ? message : message[.._options.MaxSampleLength];
        var cluster = new LogCluster(line.Text.ToString(), line.Count, id, sample, ticks);
        _tree.Add(cluster, line);
        _index.Add(cluster);
        _lru.AddNewest(cluster);
        return cluster;
    }

    /// <summary>Widens the template to cover the line; merges into another cluster that already has the result.</summary>
    private LogCluster Generalize(LogCluster cluster, MaskedLine line)
    {
        var template = ClusterTemplate.Covering(cluster, line);
        if (template is null)
        {
            return cluster;
        }

        var id = PatternId.Of(template);
        if (_index.Find(id) is { } other && !ReferenceEquals(other, cluster))
        {
            other.Count += cluster.Count;
            other.FirstSeenTicks = Math.Min(other.FirstSeenTicks, cluster.FirstSeenTicks);
            other.LastSeenTicks = Math.Max(other.LastSeenTicks, cluster.LastSeenTicks);
            _tree.Remove(cluster);
            _index.Folded(cluster, other);
            _lru.Remove(cluster);
            return other;
        }

        var oldId = cluster.Id;
        cluster.SetTemplate(template, line.Count, id);
        _index.Renamed(cluster, oldId);
        return cluster;
    }

    private void Touch(LogCluster cluster, long ticks)
    {
        cluster.Count++;
        cluster.FirstSeenTicks = Math.Min(cluster.FirstSeenTicks, ticks);
        cluster.LastSeenTicks = Math.Max(cluster.LastSeenTicks, ticks);
        _lru.Touch(cluster);
    }

    private static LogPattern ToPattern(LogCluster c) => new(
        c.Id, c.Template, c.Count, new DateTimeOffset(c.FirstSeenTicks, TimeSpan.Zero), new DateTimeOffset(c.LastSeenTicks, TimeSpan.Zero), c.Sample);

    private static MaskedLine[] CreateChunk()
    {
        var lines = new MaskedLine[BatchChunk];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = new MaskedLine();
        }

        return lines;
    }
}
