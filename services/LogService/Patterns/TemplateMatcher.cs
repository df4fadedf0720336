namespace AirisEpm.LogService.Patterns;

/// <summary>
/// Drain's similarity (He et al., ICWS 2017, step 4, search by token similarity) between a line and the templates of one leaf: the
/// number of positions where the line's token equals the template's. Masked tokens compare by shape, so
/// <c>uid=&lt;*&gt;</c> agrees with <c>uid=&lt;*&gt;</c>; a template wildcard left by generalisation agrees
/// only with a masked token, never with a word (counting it for every word lets a loose template swallow
/// unrelated lines). The best template is the one with most agreeing tokens; ties go to the template with
/// more wildcards, as in the paper. Cost: O(clusters in the leaf × tokens), each comparison a vectorised
/// span compare.
/// </summary>
internal static class TemplateMatcher
{
    /// <summary>Agreeing tokens a line of <paramref name="tokenCount"/> tokens needs: ⌈threshold × count⌉.</summary>
    public static int Required(double threshold, int tokenCount) => (int)Math.Ceiling((threshold * tokenCount) - 1e-9);

    public static LogCluster? Best(List<LogCluster> clusters, MaskedLine line, int required)
    {
        LogCluster? best = null;
        var bestAgreeing = required - 1;
        foreach (var cluster in clusters)
        {
            var agreeing = Agreeing(cluster, line, bestAgreeing);
            if (agreeing > bestAgreeing || (agreeing == bestAgreeing && best is not null && cluster.WildcardTokens > best.WildcardTokens))
            {
                best = cluster;
                bestAgreeing = agreeing;
            }
        }

        return best;
    }

    /// <summary>Agreeing tokens, or less than <paramref name="floor"/> as soon as that many cannot be reached.</summary>
    public static int Agreeing(LogCluster cluster, MaskedLine line, int floor)
    {
        var agreeing = 0;
        var count = line.Count;
        for (var i = 0; i < count; i++)
        {
            if (cluster.Token(i).SequenceEqual(line[i]))
            {
                agreeing++;
            }
            else if (agreeing + (count - i - 1) < floor)
            {
                return -1;
            }
        }

        return agreeing;
    }
}
