using AirisEpm.AlertService.Application;
using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Apis.Models;

/// <summary>
/// The query of GET /api/v2/alerts and /alerts/groups: <c>filter</c> matchers, the
/// silenced/inhibited/active/unprocessed switches (all default true) and a <c>receiver</c> regex.
/// </summary>
public sealed record AlertQuery(
    IReadOnlyList<Matcher> Filter,
    bool Silenced,
    bool Inhibited,
    bool Active,
    bool Unprocessed,
    Matcher? Receiver)
{
    /// <summary>Parses the query; returns the errors by parameter name instead when any part is invalid.</summary>
    public static (AlertQuery? Query, Dictionary<string, string[]> Errors) Parse(
        string[]? filter, bool? silenced, bool? inhibited, bool? active, bool? unprocessed, string? receiver)
    {
        var errors = new Dictionary<string, string[]>();
        var matchers = ParseFilter(filter, errors);
        Matcher? receiverMatcher = null;
        if (!string.IsNullOrEmpty(receiver))
        {
            try
            {
                receiverMatcher = AlertmanagerMatchers.Create("receiver", MatchOp.Regex, receiver);
            }
            catch (MatcherException ex)
            {
                errors["receiver"] = [ex.Reason];
            }
        }

        return errors.Count > 0
            ? (null, errors)
            : (new AlertQuery(matchers, silenced ?? true, inhibited ?? true, active ?? true, unprocessed ?? true, receiverMatcher), errors);
    }

    /// <summary>Each filter value is a matcher (<c>alertname="X"</c>) or a braced list of them.</summary>
    public static IReadOnlyList<Matcher> ParseFilter(string[]? filter, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var matchers = new List<Matcher>();
        var problems = new List<string>();
        foreach (var text in filter ?? [])
        {
            if (AlertmanagerMatchers.TryParse(text, out var parsed, out var error)) matchers.AddRange(parsed);
            else problems.Add($"\"{text}\": {error!.Reason} (position {error.Position})");
        }

        if (problems.Count > 0) errors["filter"] = [.. problems];
        return matchers;
    }

    public bool Includes(AlertView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (!Filter.MatchesAll(view.Alert.Labels)) return false;
        if (Receiver is { } r && !view.Receivers.Any(r.Matches)) return false;
        if (view.SilencedBy.Count > 0 && !Silenced) return false;
        if (view.InhibitedBy.Count > 0 && !Inhibited) return false;
        return view.State switch
        {
            AlertView.Active => Active,
            AlertView.Unprocessed => Unprocessed,
            _ => true,
        };
    }
}
