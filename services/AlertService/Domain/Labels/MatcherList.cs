namespace AirisEpm.AlertService.Domain.Labels;

/// <summary>Helpers over a conjunction of matchers (all must match).</summary>
public static class MatcherList
{
    public static bool MatchesAll(this IReadOnlyList<Matcher> matchers, LabelSet labels)
    {
        for (var i = 0; i < matchers.Count; i++)
        {
            if (!matchers[i].Matches(labels)) return false;
        }
        return true;
    }

    /// <summary>Alertmanager's string form: <c>{a="b",c=~"d"}</c>; used in route ids.</summary>
    public static string Format(this IReadOnlyList<Matcher> matchers) =>
        "{" + string.Join(",", matchers.Select(m => m.ToString())) + "}";
}
