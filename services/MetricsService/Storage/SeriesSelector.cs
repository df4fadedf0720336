using AirisEpm.MetricsService.Domain;
using Matcher = AirisEpm.PromQl.Model.Matcher;

namespace AirisEpm.MetricsService.Storage;

/// <summary>A metric name (optional) and label matchers (PromQL's, <c>__name__</c> matching the name) that all have to hold.</summary>
public sealed record SeriesSelector(string? Name, IReadOnlyList<Matcher> Matchers)
{
    public static SeriesSelector ForName(string name) => new(name, []);

    public bool Matches(string name, LabelSet labels)
    {
        if (Name is not null && Name != name)
        {
            return false;
        }

        foreach (var matcher in Matchers)
        {
            var value = matcher.Name == "__name__" ? name : labels[matcher.Name];
            if (!matcher.Matches(value))
            {
                return false;
            }
        }

        return true;
    }
}
