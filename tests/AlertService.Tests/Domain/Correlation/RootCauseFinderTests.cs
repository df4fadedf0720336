using AirisEpm.AlertService.Domain.Correlation;

namespace AirisEpm.AlertService.Tests.Domain.Correlation;

public sealed class RootCauseFinderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static string? Root(ServiceGraph graph, params (string Service, int Minute)[] failing) =>
        RootCauseFinder.Suggest(failing.ToDictionary(f => f.Service, f => T0.AddMinutes(f.Minute)), graph)?.Service;

    [Fact]
    public void Prefers_the_leaf_that_explains_most_failing_services()
    {
        // web → api → db, web → cdn: db explains api and web, cdn only web.
        var graph = ServiceGraph.FromEdges([("web", "api"), ("api", "db"), ("web", "cdn")]);
        Assert.Equal("db", Root(graph, ("web", 0), ("api", 1), ("db", 3), ("cdn", 0)));
    }

    [Fact]
    public void Equal_explanatory_power_falls_back_to_earliest_then_name()
    {
        var graph = ServiceGraph.FromEdges([("web", "a"), ("web", "b")]);
        Assert.Equal("b", Root(graph, ("web", 0), ("a", 2), ("b", 1)));
        Assert.Equal("a", Root(graph, ("web", 0), ("a", 1), ("b", 1)));
    }

    [Fact]
    public void Cycle_of_failing_services_still_yields_a_deterministic_suggestion()
    {
        var graph = ServiceGraph.FromEdges([("a", "b"), ("b", "a")]);
        var suggestion = RootCauseFinder.Suggest(new Dictionary<string, DateTimeOffset> { ["a"] = T0.AddMinutes(1), ["b"] = T0 }, graph);
        Assert.Equal("b", suggestion!.Service);
        Assert.Contains("cycle", suggestion.Reason);
    }

    [Fact]
    public void No_failing_service_means_no_suggestion()
    {
        Assert.Null(Root(new ServiceGraph()));
    }
}
