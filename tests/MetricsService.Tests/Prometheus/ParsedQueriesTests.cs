using AirisEpm.MetricsService.Prometheus;
using AirisEpm.PromQl.Parser;

namespace AirisEpm.MetricsService.Tests.Prometheus;

public sealed class ParsedQueriesTests
{
    [Fact]
    public void A_text_asked_again_is_the_tree_parsed_the_first_time()
    {
        var parsed = new ParsedQueries();

        var first = parsed.Parse("sum by (job) (rate(http_requests_total[5m]))");
        var again = parsed.Parse("sum by (job) (rate(http_requests_total[5m]))");

        Assert.Same(first, again);
        Assert.Equal(PromQlParser.ParseExpr("sum by (job) (rate(http_requests_total[5m]))").ToString(), first.ToString());
    }

    [Fact]
    public void A_text_that_does_not_parse_throws_every_time_and_is_not_kept()
    {
        var parsed = new ParsedQueries();

        var first = Assert.Throws<ParseException>(() => parsed.Parse("sum(("));
        var again = Assert.Throws<ParseException>(() => parsed.Parse("sum(("));

        Assert.Equal(first.Message, again.Message);
        Assert.Equal(0, parsed.Count);
    }

    [Fact]
    public void It_stays_bounded_whatever_a_client_sends()
    {
        var parsed = new ParsedQueries();

        for (var i = 0; i < ParsedQueries.MaxEntries * 2 + 5; i++)
        {
            parsed.Parse($"up{{instance=\"{i}\"}}");
        }

        parsed.Parse("up{job=\"" + new string('x', ParsedQueries.MaxLength) + "\"}");

        Assert.InRange(parsed.Count, 1, ParsedQueries.MaxEntries);
    }
}
