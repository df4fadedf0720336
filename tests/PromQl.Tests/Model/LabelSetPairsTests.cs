using AirisEpm.PromQl.Model;
using CsCheck;

namespace AirisEpm.PromQl.Tests.Model;

/// <summary>
/// What alerting needs of a label set: the array-built <see cref="LabelSet.From(IEnumerable{KeyValuePair{string, string}})"/>
/// checked against the obvious dictionary form, the data model's fingerprint (prometheus/common's golden values), and
/// the hash-only group lookups checked against building the subset.
/// </summary>
public sealed class LabelSetPairsTests
{
    private static readonly Gen<KeyValuePair<string, string>[]> Pairs =
        Gen.Select(Pick("a", "b", "c", "alertname", "z", "_x", "B"), Pick("", "1", "2", "v", "é"), KeyValuePair.Create).Array[0, 40];

    private static readonly Gen<string[]> Names = Pick("a", "b", "c", "alertname", "z", "q").Array[0, 5];

    private static Gen<string> Pick(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    [Fact]
    public void From_pairs_builds_what_From_labels_builds_for_small_and_big_sets()
    {
        Pairs.Sample(pairs =>
        {
            var built = LabelSet.From(pairs);
            var expected = LabelSet.From(pairs.Select(p => new Label(p.Key, p.Value)));
            return built.Equals(expected) && built.Labels.SequenceEqual(expected.Labels) && built.Fingerprint == expected.Fingerprint;
        });
    }

    [Fact]
    public void From_pairs_reads_a_null_value_as_empty_and_takes_any_enumerable()
    {
        Assert.Equal(LabelSet.From(("a", "1")), LabelSet.From(new Dictionary<string, string> { ["a"] = "1", ["b"] = null! }));
        Assert.Equal(LabelSet.From(("a", "2")), LabelSet.From(new[] { ("a", "1"), ("a", "2") }.Select(p => KeyValuePair.Create(p.Item1, p.Item2))));
        Assert.Same(LabelSet.Empty, LabelSet.From(new Dictionary<string, string>()));
    }

    [Fact]
    public void Fingerprint_matches_prometheus_signature_golden_values()
    {
        // prometheus/common model/signature_test.go (the same FNV-1a scheme).
        Assert.Equal(14695981039346656037UL, LabelSet.Empty.Fingerprint.Value);
        Assert.Equal(5799056148416392346UL, LabelSet.From(("name", "garland, briggs"), ("fear", "love is not enough")).Fingerprint.Value);
        Assert.Equal("cbf29ce484222325", LabelSet.Empty.Fingerprint.ToString());
        Assert.NotEqual(LabelSet.From(("ab", "c")).Fingerprint, LabelSet.From(("a", "bc")).Fingerprint);
        Assert.Equal(LabelSet.From(("b", "2"), ("a", "1"), ("c", "")).Fingerprint, LabelSet.From(("a", "1"), ("b", "2")).Fingerprint);
    }

    [Fact]
    public void Fingerprint_round_trips_through_hex()
    {
        var fp = LabelSet.From(("a", "1")).Fingerprint;
        Assert.True(Fingerprint.TryParse(fp.ToString(), out var parsed));
        Assert.Equal(fp, parsed);
        Assert.False(Fingerprint.TryParse("xyz", out _));
    }

    [Fact]
    public void A_missing_label_reads_as_empty()
    {
        var labels = LabelSet.From(("job", "api"), ("a", "1"));
        Assert.Equal(("", "api"), (labels.Get("nope"), labels.Get("job")));
        Assert.False(labels.TryGetValue("nope", out var none));
        Assert.Equal("", none);
        Assert.Equal(["a", "job"], labels.Names);
        Assert.Equal("1", labels.ToDictionary()["a"]);
    }

    [Fact]
    public void The_fingerprint_of_some_names_is_that_of_the_set_holding_only_them()
    {
        Gen.Select(Pairs, Names).Sample((pairs, names) =>
        {
            var labels = LabelSet.From(pairs);
            var sorted = names.Distinct().Order(StringComparer.Ordinal).ToList();
            return labels.FingerprintOf(sorted) == labels.Keep(sorted).Fingerprint;
        });
    }

    [Fact]
    public void Same_values_under_some_names_says_what_comparing_the_built_subsets_says()
    {
        Gen.Select(Pairs, Pairs, Names).Sample((left, right, names) =>
        {
            var sorted = names.Distinct().Order(StringComparer.Ordinal).ToList();
            var subset = LabelSet.From(right).Keep(sorted);
            return LabelSet.From(left).HasSameValues(subset, sorted) == LabelSet.From(left).Keep(sorted).Equals(subset);
        });
    }
}
