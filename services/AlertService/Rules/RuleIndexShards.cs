using System.Globalization;
using AirisEpm.ServiceDefaults.Text;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// The rule index is split over <see cref="Count"/> state keys so that creating or deleting a rule
/// rewrites one small shard, not a list of every rule (which made creating N rules O(N²) and
/// serialised all writers on one ETag). A rule's shard is a <see cref="StableHash"/> of its id, so every replica agrees.
/// </summary>
public static class RuleIndexShards
{
    public const int Count = 64;
    private const string Prefix = "rules-index||";

    public static IReadOnlyList<string> AllKeys { get; } =
        [.. Enumerable.Range(0, Count).Select(KeyOf)];

    public static string KeyFor(string ruleId) => KeyOf((int)(StableHash.Fnv1a(ruleId) % Count));

    private static string KeyOf(int shard) => Prefix + shard.ToString("D2", CultureInfo.InvariantCulture);
}
