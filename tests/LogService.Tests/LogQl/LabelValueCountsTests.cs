using AirisEpm.LogService.LogQl.Evaluation;

namespace AirisEpm.LogService.Tests.LogQl;

public sealed class LabelValueCountsTests
{
    private static LineLabels Line(params (string Name, string Value)[] labels) =>
        new(labels.ToDictionary(l => l.Name, l => l.Value, StringComparer.Ordinal));

    [Fact]
    public void Named_labels_count_through_the_level_and_service_aliases_in_the_order_asked()
    {
        var counts = new LabelValueCounts(["service", "zone", "level"]);
        counts.Add(Line(("service_name", "api"), ("detected_level", "info")));
        counts.Add(Line(("service_name", "api"), ("detected_level", "error")));
        counts.Add(Line(("service_name", "web"), ("detected_level", "error"), ("level", "warn")));

        var top = counts.Top(10, 12);

        Assert.Equal(["service", "zone", "level"], top.Select(t => t.Field));
        Assert.Equal([("api", 2L), ("web", 1L)], top[0].Values.Select(v => (v.Value, v.Records)));
        Assert.Empty(top[1].Values);
        Assert.Equal([("error", 1L), ("info", 1L), ("warn", 1L)], top[2].Values.Select(v => (v.Value, v.Records)));
    }

    [Fact]
    public void With_none_named_the_labels_most_lines_carry_are_listed_by_name_without_error_labels()
    {
        var counts = new LabelValueCounts(null);
        for (var i = 0; i < 5; i++)
        {
            var line = Line(("b", "x"), ("a", i % 2 == 0 ? "even" : "odd"), ("rare", "1"));
            if (i == 0) line.SetError("JSONParserErr", "bad json");
            if (i > 0) line.Remove("rare");
            counts.Add(line);
        }

        var top = counts.Top(1, 2);

        Assert.Equal(["a", "b"], top.Select(t => t.Field));
        Assert.Equal([("even", 3L)], top[0].Values.Select(v => (v.Value, v.Records)));
    }

    [Fact]
    public void A_label_stops_taking_new_values_at_the_bound_and_keeps_counting_those_it_holds()
    {
        var counts = new LabelValueCounts(["id"]);
        for (var i = 0; i < LabelValueCounts.MaxDistinct + 50; i++) counts.Add(Line(("id", $"v{i}")));
        for (var i = 0; i < 3; i++) counts.Add(Line(("id", "v7")));
        counts.Add(Line(("id", "brand-new")));

        var values = counts.Top(LabelValueCounts.MaxDistinct + 100, 12)[0].Values;

        Assert.Equal(LabelValueCounts.MaxDistinct, values.Count);
        Assert.Equal(("v7", 4L), (values[0].Value, values[0].Records));
        Assert.DoesNotContain(values, v => v.Value == "brand-new");
    }
}
