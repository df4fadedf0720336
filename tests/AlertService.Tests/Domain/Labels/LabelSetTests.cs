using AirisEpm.AlertService.Domain.Labels;

namespace AirisEpm.AlertService.Tests.Domain.Labels;

public sealed class LabelSetTests
{
    [Fact]
    public void Fingerprint_matches_prometheus_signature_golden_values()
    {
        // Golden values from prometheus/common model/signature_test.go (same FNV-1a scheme).
        Assert.Equal(14695981039346656037UL, LabelSet.Empty.Fingerprint.Value);
        var labels = LabelSet.Of(("name", "garland, briggs"), ("fear", "love is not enough"));
        Assert.Equal(5799056148416392346UL, labels.Fingerprint.Value);
        Assert.Equal("cbf29ce484222325", LabelSet.Empty.Fingerprint.ToString());
    }

    [Fact]
    public void Fingerprint_is_independent_of_insertion_order_and_drops_empty_values()
    {
        var a = LabelSet.Of(("b", "2"), ("a", "1"), ("c", ""));
        var b = LabelSet.Of(("a", "1"), ("b", "2"));
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.Equal(a, b);
        Assert.Equal(["a", "b"], a.Names);
        Assert.NotEqual(a.Fingerprint, LabelSet.Of(("a", "1"), ("b", "3")).Fingerprint);
    }

    [Fact]
    public void Separator_prevents_name_value_boundary_collisions()
    {
        Assert.NotEqual(LabelSet.Of(("ab", "c")).Fingerprint, LabelSet.Of(("a", "bc")).Fingerprint);
    }

    [Fact]
    public void Missing_label_reads_as_empty_and_string_form_is_prometheus_style()
    {
        var labels = LabelSet.Of(("job", "api"), ("msg", "say \"hi\""));
        Assert.Equal("", labels["nope"]);
        Assert.Equal("{job=\"api\", msg=\"say \\\"hi\\\"\"}", labels.ToString());
        Assert.Equal(LabelSet.Of(("job", "api")), labels.Only(["job", "other"]));
    }

    [Fact]
    public void Fingerprint_round_trips_through_hex()
    {
        var fp = LabelSet.Of(("a", "1")).Fingerprint;
        Assert.True(Fingerprint.TryParse(fp.ToString(), out var parsed));
        Assert.Equal(fp, parsed);
        Assert.False(Fingerprint.TryParse("xyz", out _));
    }
}
