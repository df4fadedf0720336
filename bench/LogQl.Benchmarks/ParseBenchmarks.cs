using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.LogService.LogQl.Syntax;
using BenchmarkDotNet.Attributes;

namespace AirisEpm.LogQl.Benchmarks;

/// <summary>Lexing and parsing (regexes compiled included) of the queries Grafana sends most.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private int _fresh;

    /// <summary>Grafana Explore's log volume query (its regex compiled on the first call, then taken from the cache).</summary>
    [Benchmark]
    public LogQlExpr Volume() => LogQlParser.Parse("sum by (level, detected_level) (count_over_time({service_name=\"api\", env=~\"prod|stg\"} |= \"error\" | drop __error__[1m]))");

    /// <summary>The same with a regex never seen before: what the first run of a query costs (building the non-backtracking automaton).</summary>
    [Benchmark]
    public LogQlExpr VolumeNewRegex() => LogQlParser.Parse($"sum by (level, detected_level) (count_over_time({{service_name=\"api\", env=~\"prod|stg{++_fresh}\"}} |= \"error\" | drop __error__[1m]))");

    /// <summary>A log query with a parser, label filters and a template.</summary>
    [Benchmark]
    public LogQlExpr Pipeline() => LogQlParser.Parse("{service_name=\"api\"} |= \"GET\" | logfmt | status >= 500 and duration > 250ms | line_format \"{{.method}} {{.path}}\"");

    /// <summary>A metric expression with arithmetic and a topk.</summary>
    [Benchmark]
    public LogQlExpr Arithmetic() => LogQlParser.Parse("topk(5, sum by (path) (rate({service_name=\"api\"} | json [5m]))) / sum(rate({service_name=\"api\"}[5m])) * 100");
}
