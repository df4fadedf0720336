namespace AirisEpm.LogService.Tests.Patterns;

public sealed class GroupingAccuracyTests
{
    [Fact]
    public void A_line_counts_only_when_its_group_is_exactly_its_event()
    {
        string[] truth = ["A", "A", "B", "B", "C"];
        // {0,1} is exactly A; {2} is half of B; {3,4} mixes B and C.
        string[] predicted = ["p", "p", "q", "r", "r"];
        Assert.Equal(0.4, GroupingAccuracy.Of(predicted, truth), 6);
    }

    [Fact]
    public void Group_names_do_not_matter_only_the_partition()
    {
        string[] truth = ["A", "B", "A", "C"];
        Assert.Equal(1.0, GroupingAccuracy.Of(["x", "y", "x", "z"], truth));
        Assert.Equal(0.0, GroupingAccuracy.Of(["x", "x", "x", "x"], truth));
    }
}
