using AirisEpm.AlertService.Domain.Labels;
using CsCheck;

namespace AirisEpm.AlertService.Tests.Domain.Labels;

/// <summary>The array-built <see cref="LabelSet.From"/> and the hash-only group lookups, checked against the obvious dictionary-and-LINQ forms.</summary>
public sealed class LabelSetConstructionTests
{
    private static readonly Gen<KeyValuePair<string, string>[]> Pairs =
        Gen.Select(Pick("a", "b", "c", "alertname", "z", "_x", "B"), Pick("", "1", "2", "v", "é"), KeyValuePair.Create).Array[0, 40];

    private static readonly Gen<string[]> Names = Pick("a", "b", "c", "alertname", "z", "q").Array[0, 5];

    private static Gen<string> Pick(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    private static LabelSet Reference(IEnumerable<KeyValuePair<string, string>> labels)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in labels) map[name] = value;
        return LabelSet.From(map.Where(kv => kv.Value.Length > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void From_keeps_the_last_of_duplicate_names_drops_empty_values_and_sorts_small_and_big_sets_alike()
    {
        Pairs.Sample(pairs =>
        {
            var built = LabelSet.From(pairs);
            var expected = Reference(pairs);
            return built.Equals(expected)
                && built.SequenceEqual(expected)
                && built.Fingerprint == expected.Fingerprint
                && built.Zip(built.Skip(1)).All(p => string.CompareOrdinal(p.First.Key, p.Second.Key) < 0);
        });
    }

    [Fact]
    public void From_reads_a_null_value_as_empty_and_takes_any_enumerable()
    {
        Assert.Equal(LabelSet.Of(("a", "1")), LabelSet.From(new Dictionary<string, string> { ["a"] = "1", ["b"] = null! }));
        Assert.Equal(LabelSet.Of(("a", "2")), LabelSet.From(new[] { ("a", "1"), ("a", "2") }.Select(p => KeyValuePair.Create(p.Item1, p.Item2))));
        Assert.Same(LabelSet.Empty, LabelSet.From([]));
    }

    [Fact]
    public void The_fingerprint_of_some_names_is_that_of_the_set_holding_only_them()
    {
        Gen.Select(Pairs, Names).Sample((pairs, names) =>
        {
            var labels = LabelSet.From(pairs);
            var sorted = names.Distinct().Order(StringComparer.Ordinal).ToList();
            return labels.FingerprintOf(sorted) == labels.Only(sorted).Fingerprint;
        });
    }

    [Fact]
    public void Same_values_under_some_names_says_what_comparing_the_built_subsets_says()
    {
        Gen.Select(Pairs, Pairs, Names).Sample((left, right, names) =>
        {
            var sorted = names.Distinct().Order(StringComparer.Ordinal).ToList();
            var subset = LabelSet.From(right).Only(sorted);
            return LabelSet.From(left).HasSameValues(subset, sorted) == LabelSet.From(left).Only(sorted).Equals(subset);
        });
    }

    [Theory]
    [InlineData("alertname", true)]
    [InlineData("_a1", true)]
    [InlineData("A_b", true)]
    [InlineData("1a", false)]
    [InlineData("a-b", false)]
    [InlineData("abc\n", false)]
    [InlineData("é", false)]
    [InlineData("", false)]
    public void Label_names_follow_the_Prometheus_data_model(string name, bool valid) => Assert.Equal(valid, LabelName.IsValid(name));
}
