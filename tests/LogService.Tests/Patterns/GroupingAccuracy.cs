namespace AirisEpm.LogService.Tests.Patterns;

/// <summary>
/// Grouping accuracy (Zhu et al., "Tools and Benchmarks for Automated Log Parsing", ICSE-SEIP 2019): a line
/// is correct when the set of lines the parser grouped with it is exactly the set of lines sharing its
/// ground-truth event; GA is the fraction of correct lines. A group that mixes two events, or holds only
/// part of one, makes every line in it wrong.
/// </summary>
public static class GroupingAccuracy
{
    public static double Of(IReadOnlyList<string> predicted, IReadOnlyList<string> truth)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(predicted.Count, truth.Count, nameof(predicted));
        if (truth.Count == 0)
        {
            return 1.0;
        }

        var eventSizes = truth.CountBy(t => t).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var correct = 0;
        foreach (var group in Enumerable.Range(0, predicted.Count).GroupBy(i => predicted[i], StringComparer.Ordinal))
        {
            var events = group.Select(i => truth[i]).Distinct(StringComparer.Ordinal).Take(2).ToArray();
            var size = group.Count();
            if (events.Length == 1 && eventSizes[events[0]] == size)
            {
                correct += size;
            }
        }

        return (double)correct / truth.Count;
    }
}
