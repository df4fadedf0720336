using System.Text;

namespace AirisEpm.LogService.Patterns;

/// <summary>Builds the template that covers a cluster's template and one more line (Drain's step 5, update the parse tree).</summary>
internal static class ClusterTemplate
{
    /// <summary>The widened template, or null when the cluster's template covers the line already.</summary>
    public static string? Covering(LogCluster cluster, MaskedLine line)
    {
        StringBuilder? widened = null;
        for (var i = 0; i < line.Count; i++)
        {
            var current = cluster.Token(i);
            var covering = current.SequenceEqual(line[i]) ? null : TokenGeneralizer.Generalize(current, line[i]);
            if (covering is null && widened is null)
            {
                continue;
            }

            if (widened is null)
            {
                widened = new StringBuilder(cluster.Template.Length + 8);
                for (var j = 0; j < i; j++)
                {
                    widened.Append(cluster.Token(j)).Append(' ');
                }
            }
            else
            {
                widened.Append(' ');
            }

            if (covering is null)
            {
                widened.Append(current);
            }
            else
            {
                widened.Append(covering);
            }
        }

        return widened?.ToString();
    }
}
