using AirisEpm.LogService.Apis;
using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.LogService.LogQl.Evaluation;
using AirisEpm.LogService.LogQl.Syntax;
using CsCheck;

namespace AirisEpm.LogService.Tests.LogQl;

/// <summary>
/// The <c>logql</c> parameter of the facet, pattern and tail endpoints: whatever text and parameters arrive, the check
/// answers "a log query" or a 400 naming <c>logql</c> (never an exception), and accepts exactly what parses to a log
/// query; the range reads or names its problems.
/// </summary>
public sealed class LogQlSearchPropertyTests
{
    private static readonly string[] Seeds =
    [
        "{service_name=\"api\"} |= \"timeout\" | json | status >= 500",
        "{region=~\"eu|us\"} |> \"order <_> shipped\" | logfmt | line_format \"{{.msg}}\"",
        "count_over_time({a=\"b\"}[5m])",
        "sum by (level) (rate({a=\"b\"} |= \"x\" [1m]))",
    ];

    private static readonly Gen<string> Texts = Gen.OneOf(
        Gen.String,
        Gen.Char["{}()[]|=!~\"`<>,. aZ09_\n"].Array[0, 60].Select(c => new string(c)),
        Gen.Select(Gen.OneOf(Seeds.Select(Gen.Const).ToArray()), Gen.Int[0, 3], Gen.Int[0, 200], Gen.Char["{}()[]|=!~\"`<>,. aZ0"], (seed, kind, at, c) =>
        {
            var i = seed.Length == 0 ? 0 : at % seed.Length;
            return kind switch { 0 => seed.Remove(i, 1), 1 => seed.Insert(i, c.ToString()), _ => seed[..i] + c + seed[(i + 1)..] };
        }));

    [Fact]
    public void Any_text_is_a_log_query_or_a_400_naming_logql()
    {
        Texts.Sample(text =>
        {
            var problem = LogQlSearch.Check(text);
            bool isLogQuery;
            try
            {
                isLogQuery = LogQlParser.Parse(text) is LogSelectorExpr;
            }
            catch (LogQlParseException)
            {
                isLogQuery = false;
            }

            Assert.Equal(isLogQuery, problem is null);
            if (problem is not null) Assert.True(problem.ProblemDetails.Errors.ContainsKey("logql"));
        }, iter: 5_000);
    }

    [Fact]
    public void A_metric_query_is_refused_naming_what_it_is()
    {
        var e = Assert.Throws<LogQlExecutionException>(() => LogQlEngine.ParseLogQuery(Seeds[2]));
        Assert.Equal(ExecutionProblem.BadRequest, e.Problem);
        Assert.Contains("metric query", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_parameters_give_a_range_or_named_problems()
    {
        var optional = Gen.OneOf(Gen.Const((string?)null), Gen.String.Select(s => (string?)s), Gen.Const<string?>("now-1h"), Gen.Const<string?>("1767607200"));
        Gen.Select(Texts, optional, optional, optional, optional).Sample((logql, start, end, q, service) =>
        {
            var parameters = new SearchParameters(q, service, null, null, null, start, end, null, null, null, null);
            var range = LogQlSearch.Range(parameters, logql, 1_767_607_200_000_000_000, out var problems);
            if (range is { } r) Assert.True(r.StartNs < r.EndNs && problems.Count == 0);
            else Assert.NotEmpty(problems);
        }, iter: 5_000);
    }
}
