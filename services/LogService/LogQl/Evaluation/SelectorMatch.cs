using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>Whether a record's stream labels satisfy every matcher of a selector (aliases resolved, absent labels as empty).</summary>
public static class SelectorMatch
{
    public static bool Matches(IReadOnlyList<Matcher> matchers, Dictionary<string, string> streamLabels)
    {
        ArgumentNullException.ThrowIfNull(matchers);
        ArgumentNullException.ThrowIfNull(streamLabels);
        foreach (var matcher in matchers)
        {
            if (!matcher.Matches(StreamLabels.Resolve(matcher.Name, streamLabels.GetValueOrDefault)))
            {
                return false;
            }
        }

        return true;
    }
}
