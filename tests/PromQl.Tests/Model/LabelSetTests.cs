using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Tests.Model;

public sealed class LabelSetTests
{
    [Fact]
    public void Sorts_by_name_drops_empty_values_and_keeps_the_last_duplicate()
    {
        var set = LabelSet.From(("job", "api"), ("__name__", "up"), ("env", ""), ("job", "web"));

        Assert.Equal(["__name__", "job"], set.Labels.Select(l => l.Name));
        Assert.Equal("web", set["job"]);
        Assert.Equal("up{job=\"web\"}", set.ToString());
    }

    [Fact]
    public void Equal_sets_hash_alike_whatever_the_input_order()
    {
        var a = LabelSet.From(("a", "1"), ("b", "2"));
        var b = LabelSet.From(("b", "2"), ("a", "1"));

        Assert.Equal(a, b);
        Assert.Equal(a.Hash, b.Hash);
        Assert.NotEqual(a, a.With("a", "3"));
    }

    [Fact]
    public void Without_name_keep_and_without_select_labels()
    {
        var set = LabelSet.From(("__name__", "x"), ("a", "1"), ("b", "2"));

        Assert.Equal("{a=\"1\", b=\"2\"}", set.WithoutName().ToString());
        Assert.Equal("{a=\"1\"}", set.Keep(["a"]).ToString());
        Assert.Equal("x{b=\"2\"}", set.Without(["a"]).ToString());
    }
}
