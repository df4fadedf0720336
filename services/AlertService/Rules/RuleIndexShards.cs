using System.Globalization;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// The rule index is split over <see cref="Count"/> state keys so that creating or deleting a rule
/// rewrites one small shard, not a list of every rule (which made creating N rules O(N²) and
/// serialised all writers on one ETag). A rule's shard is a stable hash of its id.
/// </summary>
public static class RuleIndexShards
{
    public const int Count = 64;
    private const string Prefix = "rules-index||";

    public static IReadOnlyList<string> AllKeys { get; } =
        [.. Enumerable.Range(0, Count).Select(KeyOf)];

    public static string KeyFor(string ruleId) => KeyOf((int)(Fnv1a(ruleId) % Count));

    private static string KeyOf(int shard) => Prefix + shard.ToString("D2", CultureInfo.InvariantCulture);

    // FNV-1a: string.GetHashCode is randomised per process, and every replica must pick the same shard.
    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
