using System.Diagnostics;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.LogQl.Evaluation;
using AirisEpm.LogService.LogQl.Syntax;
using AirisEpm.LogService.Storage;
using AirisEpm.LogService.Storage.Lucene;
using CsCheck;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Tests.LogQl;

/// <summary>
/// Whatever LogQL arrives, the engine answers a result, a parse error (400) or an execution error (400/422/503),
/// never another exception (a 500) and never a hang: queries built from every construct at random, the same
/// mutated, and every template function called with awkward arguments, all run over stored records of every
/// shape (JSON, logfmt, access log, ANSI colours, structured metadata) as range and instant queries.
/// </summary>
public sealed class EnginePropertyTests : IAsyncLifetime
{
    private const long Base = 1_767_225_600_000_000_000;
    private const long Second = 1_000_000_000;

    private static readonly string[] Selectors = ["{service_name=\"api\"}", "{service_name=~\"a.*|w.*\"}", "{env!=\"x\", service_name=~\".+\"}"];

    private static readonly string[] Stages =
    [
        "|= \"level\"", "!= \"debug\"", "|~ \"5\\\\d\\\\d\"", "!~ \"(?i)get\"", "|> \"<_> level=<_> <_>\"", "!> \"<_>ok<_>\"", "| json", "| logfmt", "| unpack",
        "| decolorize", "| regexp \"(?P<code>\\\\d{3})\"", "| pattern \"<first> <_>\"", "| label_format who=user, x=\"{{.code | ToUpper}}\"",
        "| line_format \"{{.msg}} {{ __line__ | trunc 8 }}\"", "| n > 3", "| level=\"error\" or n < 2", "| latency > 100ms", "| size < 2kb",
        "| drop __error__, __error_details__", "| keep level, n, code", "| __error__=\"\"", "| label_format level=\"{{ div 1 0 }}\"",
    ];

    private static readonly string[] Unwraps = ["| unwrap n", "| unwrap duration(latency)", "| unwrap bytes(size) | __error__=\"\"", "| unwrap n | __error__=\"\""];

    private static readonly string[] RangeFunctions =
    [
        "count_over_time", "rate", "bytes_over_time", "bytes_rate", "absent_over_time", "sum_over_time", "avg_over_time", "min_over_time",
        "max_over_time", "stdvar_over_time", "stddev_over_time", "quantile_over_time", "first_over_time", "last_over_time", "rate_counter",
    ];

    private static readonly string[] Aggregations = ["sum", "avg", "min", "max", "count", "stddev", "stdvar", "sort", "sort_desc", "topk(2,", "bottomk(1,"];

    private static readonly string[] Operators =
    [
        "+", "-", "*", "/", "%", "^", "==", "!=", ">", ">=", "<", "<=", "> bool", "and", "or", "unless", "/ on (pod)", "* ignoring (level) group_left",
        "- on (pod) group_right (node)", "and on (node)",
    ];

    private static readonly string[] Functions =
    [
        "ToLower", "ToUpper", "Replace", "Trim", "TrimLeft", "TrimRight", "TrimPrefix", "TrimSuffix", "TrimSpace", "regexReplaceAll",
        "regexReplaceAllLiteral", "count", "urldecode", "urlencode", "bytes", "duration", "duration_seconds", "unixEpochMillis", "unixEpochNanos",
        "toDateInZone", "unixToTime", "alignLeft", "alignRight", "b64dec", "b64enc", "lower", "upper", "title", "trunc", "substr", "contains",
        "hasPrefix", "hasSuffix", "indent", "nindent", "replace", "repeat", "trim", "trimAll", "trimSuffix", "trimPrefix", "int", "float64",
        "add", "sub", "mul", "div", "mod", "addf", "subf", "mulf", "divf", "max", "min", "maxf", "minf", "ceil", "floor", "round", "fromJson",
        "date", "toDate", "now", "unixEpoch", "default", "printf", "index", "slice", "len", "eq", "lt", "and", "or", "not", "print",
    ];

    private static readonly string[] Arguments =
    [
        "1", "-1", "0", "99999999999", "-9223372036854775808", "9223372036854775807", "1.5", "1e308", "\"x\"", "\"\"", "\"%zz\"", "\"(\"",
        "\"2006-01-02\"", "\"1d\"", "\"10000000000\"", "\"9999999999999999\"", ".msg", ".missing", "__line__", "__timestamp__", "(now)", "true", "nil",
        "\"%9999999d%9999999d\"", "\"{\\\"a\\\":[1,{\\\"b\\\":2}]}\"",
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-logql-props-" + Guid.NewGuid().ToString("N"));
    private LuceneLogStore? _store;
    private LogQlEngine? _engine;
    private int _runs;
    private int _answered;

    public async ValueTask InitializeAsync()
    {
        _store = new LuceneLogStore(Options.Create(new LogStoreOptions()), _folder);
        await _store.InitializeAsync(TestContext.Current.CancellationToken);
        string[] lines =
        [
            "level=info msg=\"served\" n=1 latency=120ms size=1.5kb user=ann code=200",
            "level=error msg=\"failed\" n=oops latency=fast size=big user=bob code=500",
            "{\"level\":\"warn\",\"msg\":\"json\",\"n\":4,\"user\":{\"id\":7},\"latency\":\"2s\"}",
            "{\"_entry\":\"packed\",\"pod\":\"p9\"}",
            "10.0.0.1 - frank [01/Jan/2026:00:00:01 +0000] \"GET /x HTTP/1.1\" 200 2326",
            "\u001b[31mERROR\u001b[0m coloured n=9",
            "",
            "plain line with { and <_> and {{ braces }}",
        ];
        var records = Enumerable.Range(0, 24).Select(i => new LogRecord(
            $"r{i:D4}", Base + (i * 5 * Second), (Severity)(i % 6), lines[i % lines.Length], i % 3 == 0 ? "web" : "api", null, null,
            new Dictionary<string, string> { ["env"] = i % 2 == 0 ? "prod" : "dev", ["pod"] = $"p{i % 4}", ["node"] = $"n{i % 2}" },
            new Dictionary<string, string> { ["trace_id"] = $"t{i}" })).ToList();
        await _store.AppendAsync(records, TestContext.Current.CancellationToken);
        _engine = new LogQlEngine(_store, Options.Create(new LogQlOptions { QueryTimeout = TimeSpan.FromSeconds(5), MaxRecordsScanned = 10_000 }));
    }

    public ValueTask DisposeAsync()
    {
        _store?.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Queries_built_from_every_construct_answer_or_fail_as_loki_does()
    {
        await Query.SampleAsync(RunAsync, iter: 1_000, threads: 1);

        // Most built queries are valid: the property is about answers, not only about parse errors.
        Assert.True(_answered > _runs / 3, $"{_answered} of {_runs} runs answered");
    }

    [Fact]
    public async Task Mutated_queries_answer_or_fail_as_loki_does()
    {
        var edit = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 1_000], Gen.Char["{}()[]|=!~\"`<>,.$ aZ09_"], (kind, position, c) => (Kind: kind, Position: position, Char: c));
        await Gen.Select(Query, edit.Array[1, 4]).Select(pair =>
        {
            var text = new System.Text.StringBuilder(pair.Item1);
            foreach (var (kind, position, c) in pair.Item2)
            {
                var at = text.Length == 0 ? 0 : position % text.Length;
                if (kind == 0 && text.Length > 0) text.Remove(at, 1);
                else if (kind == 1) text.Insert(at, c);
                else if (text.Length > 0) text[at] = c;
            }

            return text.ToString();
        }).SampleAsync(RunAsync, iter: 1_500, threads: 1);
    }

    [Fact]
    public async Task Template_functions_never_fail_with_anything_but_a_template_error()
    {
        await Gen.Select(Gen.OneOf(Functions), Gen.OneOf(Arguments).Array[0, 4], Gen.Bool)
            .Select((function, args, piped) => piped && args.Length > 0
                ? $"{{service_name=~\".+\"}} | logfmt | line_format `{{{{ {args[0]} | {function} {string.Join(' ', args.Skip(1))} }}}}`"
                : $"{{service_name=~\".+\"}} | logfmt | label_format t=`{{{{ {function} {string.Join(' ', args)} }}}}`")
            .SampleAsync(RunAsync, iter: 1_000, threads: 1);
        Assert.True(_answered > _runs / 3, $"{_answered} of {_runs} runs answered");
    }

    private static Gen<string> Query => Gen.Int[0, 2].SelectMany(kind => kind switch
    {
        0 => LogQuery,
        1 => Metric,
        _ => Gen.Select(Metric, Gen.OneOf(Operators), Gen.OneOf(Metric, Gen.OneOf("1", "0", "2.5", "vector(1)")), (l, op, r) => $"{l} {op} {r}"),
    });

    private static Gen<string> LogQuery => Gen.Select(Gen.OneOf(Selectors), Gen.OneOf(Stages).Array[0, 4], (s, stages) => s + " " + string.Join(' ', stages));

    private static Gen<string> RangeAggregation => Gen.Select(Gen.OneOf(RangeFunctions), LogQuery, Gen.OneOf(Unwraps).Array[0, 1], Gen.OneOf("", " by (pod)", " without (node)"), Gen.OneOf("[10s]", "[1m]", "[1m] offset 10s"),
        (fn, log, unwrap, grouping, range) => $"{fn}({(fn == "quantile_over_time" ? "0.9, " : "")}{log} {string.Join(' ', unwrap)} {range}){grouping}");

    private static Gen<string> Metric => Gen.Int[0, 3].SelectMany(kind => kind switch
    {
        0 => RangeAggregation,
        1 => Gen.Select(Gen.OneOf(Aggregations), Gen.OneOf("", " by (pod)", " without (level)", " by ()"), RangeAggregation,
            (agg, grouping, inner) => agg.EndsWith(',') ? $"{agg[..agg.IndexOf('(')]}{grouping}{agg[agg.IndexOf('(')..]} {inner})" : $"{agg}{grouping} ({inner})"),
        2 => RangeAggregation.Select(inner => $"label_replace({inner}, \"dst\", \"$1-x\", \"pod\", \"p(.*)\")"),
        _ => Gen.OneOf("vector(1)", "vector(-2.5)", "1 + 1", "2 > 1"),
    });

    private async Task RunAsync(string query)
    {
        var clock = Stopwatch.StartNew();
        await AnswerAsync(() => _engine!.RangeQueryAsync(query, Base, Base + (120 * Second), 30 * Second, 50, backward: true, TestContext.Current.CancellationToken));
        await AnswerAsync(() => _engine!.InstantQueryAsync(query, Base + (60 * Second), 50, TestContext.Current.CancellationToken));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(12), $"took {clock.Elapsed} for {query}");
    }

    private async Task AnswerAsync(Func<Task<QueryResult>> run)
    {
        _runs++;
        try
        {
            await run();
            _answered++;
        }
        catch (Exception e) when (e is LogQlParseException or LogQlExecutionException)
        {
        }
    }
}
