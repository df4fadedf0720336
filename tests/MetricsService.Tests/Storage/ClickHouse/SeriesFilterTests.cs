using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.ClickHouse;
using Matcher = AirisEpm.PromQl.Model.Matcher;
using MatchOp = AirisEpm.PromQl.Model.MatchOp;

namespace AirisEpm.MetricsService.Tests.Storage.ClickHouse;

public sealed class SeriesFilterTests
{
    private static (string Where, object[] Values, string[] Types) Build(string? name, params Matcher[] matchers)
    {
        var parameters = new QueryParameters();
        var where = SeriesFilter.Where(new SeriesSelector(name, matchers), parameters);
        var bound = parameters.Query(where).Parameters;
        Assert.Equal(Enumerable.Range(0, bound.Count).Select(i => $"p{i}"), bound.Select(p => p.Name));
        return (where, [.. bound.Select(p => p.Value)], [.. bound.Select(p => p.Type)]);
    }

    [Fact]
    public void No_name_and_no_matchers_select_every_series()
    {
        var (where, values, _) = Build(null);

        Assert.Equal("1", where);
        Assert.Empty(values);
    }

    [Fact]
    public void A_metric_name_is_an_equality_on_the_name_column_of_the_primary_key()
    {
        var (where, values, types) = Build("http_requests_total");

        Assert.Equal("name = {p0:String}", where);
        Assert.Equal(["http_requests_total"], values);
        Assert.Equal(["String"], types);
    }

    [Theory]
    [InlineData(MatchOp.Equal, "api", "labels[{p0:String}] = {p1:String}", "api")]
    [InlineData(MatchOp.NotEqual, "api", "labels[{p0:String}] != {p1:String}", "api")]
    [InlineData(MatchOp.Regex, "5..", "match(labels[{p0:String}], {p1:String})", "^(?s:5..)$")]
    [InlineData(MatchOp.NotRegex, "5..", "NOT match(labels[{p0:String}], {p1:String})", "^(?s:5..)$")]
    public void Each_label_matcher_is_a_condition_on_the_labels_map(MatchOp op, string value, string sql, string bound)
    {
        var (where, values, _) = Build(null, Matcher.Create("code", op, value));

        Assert.Equal(sql, where);
        Assert.Equal(["code", bound], values);
    }

    [Theory]
    [InlineData(MatchOp.Equal, "name = {p0:String}", "up")]
    [InlineData(MatchOp.NotEqual, "name != {p0:String}", "up")]
    [InlineData(MatchOp.Regex, "match(name, {p0:String})", "^(?s:up)$")]
    [InlineData(MatchOp.NotRegex, "NOT match(name, {p0:String})", "^(?s:up)$")]
    public void A___name___matcher_is_a_condition_on_the_name_column(MatchOp op, string sql, string bound)
    {
        var (where, values, _) = Build(null, Matcher.Create("__name__", op, "up"));

        Assert.Equal(sql, where);
        Assert.Equal([bound], values);
    }

    /// <summary>
    /// A Map lookup of a missing key is the empty string, so the plain comparison is Prometheus's rule: <c>job=""</c>
    /// holds for a series without job and <c>job!=""</c> only for one with a job (checked on a real store by the conformance suite).
    /// </summary>
    [Theory]
    [InlineData(MatchOp.Equal, "labels[{p0:String}] = {p1:String}", "")]
    [InlineData(MatchOp.NotEqual, "labels[{p0:String}] != {p1:String}", "")]
    [InlineData(MatchOp.Regex, "match(labels[{p0:String}], {p1:String})", "^(?s:)$")]
    public void Empty_values_compare_the_map_lookup_with_the_empty_string(MatchOp op, string sql, string bound)
    {
        var (where, values, _) = Build(null, Matcher.Create("job", op, ""));

        Assert.Equal(sql, where);
        Assert.Equal(["job", bound], values);
    }

    [Fact]
    public void Conditions_are_joined_with_and_and_parameters_numbered_in_order()
    {
        var (where, values, _) = Build("req", Matcher.Create("job", MatchOp.Equal, "api"), Matcher.Create("__name__", MatchOp.Regex, "r.*"), Matcher.Create("code", MatchOp.NotRegex, "2.."));

        Assert.Equal("name = {p0:String} AND labels[{p1:String}] = {p2:String} AND match(name, {p3:String}) AND NOT match(labels[{p4:String}], {p5:String})", where);
        Assert.Equal(["req", "job", "api", "^(?s:r.*)$", "code", "^(?s:2..)$"], values);
    }

    [Theory]
    [InlineData("it's")]
    [InlineData("a\\'); DROP TABLE series; --")]
    [InlineData("{p0:String}")]
    [InlineData("} OR 1 = 1 OR {")]
    [InlineData("line\nbreak\ttab\\n")]
    [InlineData("ünïcødé ✓")]
    public void Values_travel_as_parameters_verbatim_and_never_reach_the_text(string value)
    {
        var (where, values, _) = Build(value, Matcher.Create("path", MatchOp.Equal, value), Matcher.Create("path", MatchOp.NotRegex, System.Text.RegularExpressions.Regex.Escape(value)));

        Assert.Equal("name = {p0:String} AND labels[{p1:String}] = {p2:String} AND NOT match(labels[{p3:String}], {p4:String})", where);
        Assert.Equal(value, values[0]);
        Assert.Equal(value, values[2]);
        Assert.Equal("^(?s:" + System.Text.RegularExpressions.Regex.Escape(value) + ")$", values[4]);
    }

    [Fact]
    public void An_alternation_stays_inside_the_anchors()
    {
        Assert.Equal("^(?s:a|b)$", SeriesFilter.Anchored("a|b"));
    }
}
