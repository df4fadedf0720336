using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AirisEpm.DaprTestSidecar.Components;

namespace AirisEpm.DaprTestSidecar.PubSub;

/// <summary>
/// Picks the route of a subscription for an event. Rules are CEL in daprd; this double evaluates the
/// common subset: <c>event.field == "value"</c> (or !=) clauses joined by <c>&amp;&amp;</c>.
/// </summary>
public static partial class RouteMatcher
{
    [GeneratedRegex("""^\s*event\.(?<field>[A-Za-z0-9_.]+)\s*(?<op>==|!=)\s*['"](?<value>[^'"]*)['"]\s*$""")]
    private static partial Regex Clause();

    public static string? Route(SubscriptionDefinition subscription, JsonObject envelope) =>
        subscription.Rules.FirstOrDefault(rule => Matches(rule.Match, envelope))?.Path ?? subscription.DefaultRoute;

    public static bool Matches(string expression, JsonObject envelope) =>
        expression.Split("&&").All(clause =>
        {
            var match = Clause().Match(clause);
            if (!match.Success)
            {
                return false;
            }

            var actual = Field(envelope, match.Groups["field"].Value);
            var equal = string.Equals(actual, match.Groups["value"].Value, StringComparison.Ordinal);
            return match.Groups["op"].Value == "==" ? equal : !equal;
        });

    private static string? Field(JsonObject envelope, string path)
    {
        JsonNode? node = envelope;
        foreach (var part in path.Split('.'))
        {
            node = (node as JsonObject)?[part];
        }

        return node is JsonValue value ? value.ToString() : null;
    }
}
