using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Parser;
using CsCheck;

namespace AirisEpm.PromQl.Tests.Parser;

/// <summary>
/// The printer's output parses back to the same tree: printing a parsed query and parsing the print gives the same
/// print again, and the prettified form parses to it too. Over a hand-written set and over generated queries.
/// </summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> Queries => [.. ValidQueries.All];

    [Theory]
    [MemberData(nameof(Queries))]
    public void A_printed_query_parses_to_the_same_print(string query) => AssertRoundTrip(query);

    [Fact]
    public void Generated_queries_parse_and_print_stably()
    {
        QueryGenerator.Query.Sample(AssertRoundTrip, iter: 5_000, threads: 1);
    }

    private static void AssertRoundTrip(string query)
    {
        string printed;
        try
        {
            printed = PromQlParser.ParseExpr(query).ToString();
        }
        catch (ParseException error)
        {
            throw new InvalidOperationException($"{query}\n{error.Message}", error);
        }

        var reparsed = PromQlParser.ParseExpr(printed);

        Assert.Equal(printed, reparsed.ToString());
        Assert.Equal(printed, PromQlParser.ParseExpr(Prettifier.Pretty(reparsed)).ToString());
        Assert.Equal(printed, PromQlParser.ParseExpr(Prettifier.Pretty(reparsed, maxLineLength: 10)).ToString());
    }
}
