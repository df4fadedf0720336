using System.Globalization;

namespace AirisEpm.MetricsService.Tests.Prometheus.Parity;

/// <summary>
/// The queries of the side-by-side test over <see cref="ParityData"/>: every function family, every aggregation, the
/// binary operators with their matching modifiers, offset, <c>@</c>, subqueries, each asked as an instant query at
/// three times (during the data, just after the queue series stop, after the data ends) and as a range query at two
/// steps. All times end in .500 s (see <see cref="ParityData"/>). The cases Prometheus 3 answers differently from 2.42
/// are asked too but not compared, each with its reason.
/// </summary>
public sealed class ParityQueries
{
    public const string LeftOpen = "Prometheus 3: range selectors and the lookback are left-open; 2.42 also takes a sample exactly at t - range (or t - 5m)";
    public const string RegexNewline = "Prometheus 3: '.' in a regex matches a newline; in 2.42 it does not";
    public const string ZeroPoint = "Prometheus 2.51 (commit 7f912db): rate/increase of a counter that starts inside the range caps the extrapolation at half an interval before taking the zero point; 2.42 extrapolates to the zero point when it is within 1.1 intervals";
    public const string Atan2Name = "Prometheus 2.47 (commit 531567d): atan2 drops the metric name as the other arithmetic operators do; 2.42 keeps it";
    public const string TopKTies = "Prometheus 2.44 (commit f2fd85d): topk/bottomk replace the heap's root instead of popping and pushing, so which of equal values is kept changed";
    public const string HoltWinters = "Prometheus 3: holt_winters is removed (renamed double_exponential_smoothing, experimental)";

    /// <summary>Seconds after the start: 2 minutes after the queue series stop (one with a stale marker, one without).</summary>
    public const double JustAfterStop = 1931.5;

    private static readonly double[] InstantSeconds = [1033.5, JustAfterStop, 3809.5];
    private static readonly (double Start, double End, double Step)[] Ranges = [(-119.5, 3900.5, 60), (603.5, 3003.5, 137)];

    private readonly long _startMs;
    private readonly List<ParityCase> _cases = [];

    private ParityQueries(long startMs)
    {
        _startMs = startMs;
    }

    public static IReadOnlyList<ParityCase> For(long startMs)
    {
        var queries = new ParityQueries(startMs);
        queries.Selectors();
        queries.RateFamily();
        queries.OverTime();
        queries.MathFunctions();
        queries.TimeAndDate();
        queries.LabelsVectorsAndSort();
        queries.Histograms();
        queries.Aggregations();
        queries.Binary();
        queries.Subqueries();
        queries.AtModifier();
        queries.Prometheus3Changes();
        return queries._cases;
    }

    /// <summary>Unix seconds of the data's start plus <paramref name="seconds"/>, for an <c>@</c> in a query.</summary>
    private string At(double seconds) => ParityCase.Seconds(_startMs + (long)(seconds * 1000));

    private void Add(string family, string expr, string? excluded = null, bool ordered = false)
    {
        foreach (var t in InstantSeconds)
        {
            _cases.Add(new ParityCase(family, expr, _startMs + (long)(t * 1000), Excluded: excluded, Ordered: ordered));
        }

        foreach (var (start, end, step) in Ranges)
        {
            _cases.Add(new ParityCase(family, expr, _startMs + (long)(start * 1000), _startMs + (long)(end * 1000), (long)(step * 1000), excluded));
        }
    }

    private void Selectors()
    {
        string[] queries =
        [
            "parity_temperature", "parity_temperature{job=\"api\"}", "parity_temperature{job!=\"api\"}",
            "parity_temperature{job=~\"a.*|d.*\"}", "parity_temperature{job!~\"web\"}", "{__name__=~\"parity_up|parity_build_info\"}",
            "parity_requests_total{code=\"500\", instance=~\"b.*\"}", "parity_queue_depth", "parity_special", "parity_newline{note!=\"single\"}",
            "parity_temperature offset 10m", "parity_temperature offset -7m", "parity_queue_depth offset 3m",
            "parity_temperature[5m]", "parity_queue_depth[10m]", "parity_requests_total{code=\"200\"}[3m] offset 5m",
        ];
        foreach (var query in queries)
        {
            Add("selector", query);
        }
    }

    private void RateFamily()
    {
        string[] queries =
        [
            "rate(parity_requests_total[5m])", "rate(parity_requests_total[1m])", "rate(parity_requests_total[20s])",
            "rate(parity_requests_total[10s])", "irate(parity_requests_total[5m])", "increase(parity_requests_total[10m])",
            "increase(parity_requests_total[90m])", "delta(parity_temperature[10m])", "idelta(parity_temperature[5m])",
            "deriv(parity_temperature[10m])", "predict_linear(parity_temperature[10m], 600)",
            "predict_linear(parity_requests_total[15m], -300)", "resets(parity_requests_total[30m])", "changes(parity_up[30m])",
            "changes(parity_temperature[10m])", "rate(parity_queue_depth[5m])", "irate(parity_special[5m])", "rate(parity_special[5m])",
            "rate(parity_latency_seconds_sum[5m]) / rate(parity_latency_seconds_count[5m])", "deriv(parity_special[5m])",
        ];
        foreach (var query in queries)
        {
            Add("rate/delta/deriv", query);
        }
    }

    private void OverTime()
    {
        string[] queries =
        [
            "avg_over_time(parity_temperature[10m])", "min_over_time(parity_temperature[10m])", "max_over_time(parity_temperature[10m])",
            "sum_over_time(parity_temperature[10m])", "count_over_time(parity_queue_depth[10m])", "stddev_over_time(parity_temperature[10m])",
            "stdvar_over_time(parity_requests_total[10m])", "last_over_time(parity_queue_depth[10m])", "present_over_time(parity_queue_depth[10m])",
            "quantile_over_time(0.9, parity_temperature[15m])", "quantile_over_time(0, parity_temperature[15m])",
            "quantile_over_time(1.5, parity_temperature[15m])", "absent_over_time(parity_queue_depth{queue=\"marker\"}[5m])",
            "absent_over_time(parity_nonexistent{job=\"x\"}[5m])", "max_over_time(parity_special[5m])", "sum_over_time(parity_special[5m])",
            "avg_over_time(parity_special[5m])", "stddev_over_time(parity_special[5m])",
        ];
        foreach (var query in queries)
        {
            Add("*_over_time", query);
        }
    }

    private void MathFunctions()
    {
        string[] queries =
        [
            "abs(parity_temperature - 20)", "ceil(parity_temperature / 3)", "floor(parity_temperature / 3)", "round(parity_temperature / 3)",
            "round(parity_temperature, 5)", "round(parity_temperature, 0.3)", "exp(parity_temperature / 10)", "ln(parity_temperature)",
            "log2(parity_requests_total)", "log10(parity_requests_total)", "sqrt(parity_temperature)", "sgn(parity_temperature - 17.5)",
            "clamp(parity_temperature, 0, 30)", "clamp(parity_temperature, 30, 0)", "clamp_min(parity_temperature, 10)",
            "clamp_max(parity_temperature, 10)", "sin(parity_temperature)", "cos(parity_temperature)", "tan(parity_temperature)",
            "asin(parity_temperature / 50)", "acos(parity_temperature / 50)", "atan(parity_temperature)", "sinh(parity_temperature / 10)",
            "cosh(parity_temperature / 10)", "tanh(parity_temperature)", "asinh(parity_temperature)", "acosh(parity_temperature)",
            "atanh(parity_temperature / 50)", "deg(parity_temperature)", "rad(parity_temperature)", "pi()", "exp(parity_special)",
            "ln(parity_special)", "sqrt(-parity_up)",
        ];
        foreach (var query in queries)
        {
            Add("math", query);
        }
    }

    private void TimeAndDate()
    {
        string[] queries =
        [
            "time()", "timestamp(parity_temperature)", "timestamp(parity_queue_depth)", "time() - timestamp(parity_queue_depth)",
            "vector(time())", "year()", "month()", "day_of_month()", "day_of_week()", "days_in_month()", "hour()", "minute()",
            "minute(timestamp(parity_temperature))", "hour(parity_up * 1e9)", "year(vector(951782400))", "month(vector(951782400))",
            "day_of_month(vector(951782400))", "day_of_week(vector(951782400))", "days_in_month(vector(951782400))",
            "days_in_month(vector(1709251199))", "day_of_year()", "day_of_year(vector(951782400))", "day_of_year(vector(1735603200))",
        ];
        foreach (var query in queries)
        {
            Add("time/date", query);
        }
    }

    private void LabelsVectorsAndSort()
    {
        string[] queries =
        [
            "label_replace(parity_up, \"host\", \"$1\", \"instance\", \"(.*):.*\")",
            "label_replace(parity_up, \"job\", \"\", \"job\", \".*\")",
            "label_replace(parity_up, \"dst\", \"x-$1\", \"nonexistent\", \"(.*)\")",
            "label_replace(parity_up, \"port\", \"$2\", \"instance\", \"([a-z]+):([0-9]+)\")",
            "label_join(parity_up, \"joined\", \"-\", \"job\", \"instance\")", "label_join(parity_build_info, \"v\", \"\", \"version\")",
            "label_join(parity_up, \"job\", \",\", \"instance\", \"missing\")", "vector(1)", "scalar(parity_up{job=\"api\", instance=\"a:80\"})",
            "scalar(parity_up)", "absent(parity_up)", "absent(parity_nonexistent{job=\"x\", instance=~\"y\"})", "absent(parity_nonexistent)",
            "absent(sum(parity_nonexistent))", "absent(parity_queue_depth{queue=\"marker\"})",
        ];
        foreach (var query in queries)
        {
            Add("label/vector/absent", query);
        }

        foreach (var query in (string[])["sort(parity_temperature)", "sort_desc(parity_temperature)", "sort_desc(rate(parity_requests_total[5m]))", "sort(parity_special{kind!=\"nan\"})"])
        {
            Add("sort", query, ordered: true);
        }
    }

    private void Histograms()
    {
        string[] queries =
        [
            "histogram_quantile(0.9, rate(parity_latency_seconds_bucket[5m]))",
            "histogram_quantile(0.5, sum by (le) (rate(parity_latency_seconds_bucket[5m])))",
            "histogram_quantile(0.99, sum by (job, le) (rate(parity_latency_seconds_bucket[10m])))",
            "histogram_quantile(0, sum by (le) (rate(parity_latency_seconds_bucket[5m])))",
            "histogram_quantile(1, sum by (le) (rate(parity_latency_seconds_bucket[5m])))",
            "histogram_quantile(1.5, sum by (le) (rate(parity_latency_seconds_bucket[5m])))",
            "histogram_quantile(-0.5, sum by (le) (rate(parity_latency_seconds_bucket[5m])))",
            "histogram_quantile(0.9, parity_latency_seconds_bucket)",
            "histogram_quantile(0.5, sum without (instance) (increase(parity_latency_seconds_bucket[15m])))",
            "histogram_quantile(0.9, parity_temperature)",
            "histogram_quantile(0.75, rate(parity_latency_seconds_bucket{le!=\"0.5\"}[5m]))",
        ];
        foreach (var query in queries)
        {
            Add("histogram_quantile", query);
        }
    }

    private void Aggregations()
    {
        string[] queries =
        [
            "sum(parity_temperature)", "sum by (job) (parity_temperature)", "sum without (instance) (parity_temperature)",
            "avg by (job) (parity_temperature)", "min(parity_temperature)", "max by (instance) (parity_temperature)", "count(parity_temperature)",
            "count by (job) (parity_queue_depth)", "group by (job) (parity_up)", "stddev(parity_temperature)", "stdvar by (job) (parity_temperature)",
            "topk(3, parity_temperature)", "topk by (job) (1, rate(parity_requests_total[5m]))", "bottomk(2, parity_temperature)",
            "quantile(0.5, parity_temperature)", "quantile by (job) (0.9, rate(parity_requests_total[5m]))", "quantile(1.5, parity_temperature)",
            "count_values(\"value\", parity_up)", "count_values by (job) (\"v\", parity_up)", "sum(parity_special)", "avg(parity_special)",
            "max(parity_special)", "min(parity_special)", "stddev(parity_special)", "topk(1, parity_special)", "bottomk(1, parity_special)",
            "sum by (job, code) (rate(parity_requests_total[5m]))", "avg without (instance) (parity_temperature)",
            "topk(scalar(count(parity_up)) - 2, parity_temperature)", "count_values(\"t\", parity_temperature)",
            "group(parity_temperature)", "max without () (parity_up)", "sum by (nonexistent) (parity_up)",
        ];
        foreach (var query in queries)
        {
            Add("aggregation", query);
        }
    }

    private void Binary()
    {
        string[] queries =
        [
            "parity_temperature * 2", "2 - parity_temperature", "parity_temperature / 0", "parity_temperature % 7", "parity_temperature ^ 2",
            "2 ^ (parity_temperature / 10)", "sum(parity_temperature) atan2 10", "-parity_temperature", "parity_temperature > 20",
            "parity_temperature > bool 20", "20 < parity_temperature", "parity_temperature == 17.5", "parity_temperature != bool 17.5",
            "parity_temperature <= 10", "parity_temperature >= bool 10",
            "parity_requests_total / on (job, instance) group_left sum by (job, instance) (parity_requests_total)",
            "parity_up * on (job, instance) group_left (version) parity_build_info",
            "parity_up * on (job, instance) group_right parity_build_info",
            "parity_temperature - ignoring (instance) group_left avg without (instance) (parity_temperature)",
            "rate(parity_requests_total{code=\"500\"}[5m]) / ignoring (code) rate(parity_requests_total{code=\"200\"}[5m])",
            "parity_temperature and on (job, instance) parity_up == 1", "parity_temperature or parity_up",
            "parity_temperature unless on (job) parity_up == 0", "parity_up or vector(0)", "parity_temperature + parity_up",
            "parity_temperature + ignoring (instance) parity_temperature", "parity_temperature + on (job) parity_up",
            "1 + 2 * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "5 % 3", "1 > bool 2", "(1 + 2) / 0", "\"a string\"",
            "scalar(parity_up{job=\"api\", instance=\"a:80\"}) * parity_temperature", "parity_temperature * scalar(sum(parity_up))",
            "parity_special + 1", "parity_special * 0", "parity_special > 0", "parity_special == bool parity_special",
            "parity_temperature / on () group_left vector(2)", "parity_up > on (job, instance) group_left (version) parity_build_info * 0",
            "parity_requests_total > bool on (job, instance, code) parity_requests_total offset 1m",
        ];
        foreach (var query in queries)
        {
            Add("binary", query);
        }
    }

    private void Subqueries()
    {
        string[] queries =
        [
            "max_over_time(parity_temperature[10m:1m])", "avg_over_time(rate(parity_requests_total[1m])[15m:30s])",
            "rate(parity_requests_total[5m:15s])", "min_over_time(parity_temperature[10m:1m] offset 5m)",
            "max_over_time(max_over_time(parity_temperature[5m5s:50s])[20m:2m])",
            "count_over_time(parity_queue_depth[10m:1m])", "last_over_time(parity_temperature[5m:17s])", "parity_temperature[10m:1m]",
            "quantile_over_time(0.5, sum(rate(parity_requests_total[2m]))[30m:1m])", "sum_over_time(parity_up[30m:5m])",
        ];
        foreach (var query in queries)
        {
            Add("subquery", query);
        }

        Add("subquery", "max_over_time(deriv(parity_temperature[5m])[20m:])");
        Add("subquery", "sum_over_time(parity_up[10m:])");
    }

    private void AtModifier()
    {
        string[] queries =
        [
            $"parity_temperature @ {At(1500.5)}", "parity_requests_total @ start()", "parity_requests_total @ end()",
            $"rate(parity_requests_total[5m] @ {At(2000.5)})", "sum(parity_temperature @ end())",
            "parity_temperature @ start() - parity_temperature", "avg_over_time(parity_temperature[10m] @ start())",
            $"parity_temperature offset 5m @ {At(1800.5)}", $"topk(2, parity_temperature @ {At(1200.5)})",
            $"parity_temperature[2m] @ {At(2000.5)}", $"sum_over_time(parity_up[30m:5m] @ {At(2400.5)})",
            $"max_over_time(parity_temperature[10m:1m] @ {At(2000.5)})",
        ];
        foreach (var query in queries)
        {
            Add("@", query);
        }
    }

    /// <summary>The points where Prometheus 3 changed the answer: asked of both, never compared.</summary>
    private void Prometheus3Changes()
    {
        Add("regex", "parity_newline{note=~\".*\"}", RegexNewline);
        Add("regex", "parity_newline{note=~\"line1.line2\"}", RegexNewline);
        Add("regex", "label_replace(parity_newline, \"first\", \"$1\", \"note\", \"(.*)\")", RegexNewline);
        Add("holt_winters", "holt_winters(parity_temperature[10m], 0.5, 0.5)", HoltWinters);

        // A query time exactly 5 minutes (or the range) after a sample of the selected series.
        var data = new ParityData(_startMs);
        var up = data.Series.First(s => s.Labels.Contains(("__name__", "parity_up")));
        var requests = data.Series.First(s => s.Labels.Contains(("__name__", "parity_requests_total")));
        var sample = up.Samples[100].Timestamp;
        foreach (var (expr, at) in ((string, long)[])
                 [
                     ("parity_up{job=\"api\", instance=\"a:80\"}", up.Samples[^1].Timestamp + 300_000),
                     ("count_over_time(parity_up{job=\"api\", instance=\"a:80\"}[1m])", sample + 60_000),
                     ("rate(parity_requests_total{job=\"api\", instance=\"a:80\", code=\"200\"}[1m])", requests.Samples[100].Timestamp + 60_000),
                 ])
        {
            _cases.Add(new ParityCase("left-open", expr, at, Excluded: LeftOpen));
        }

        var fresh = data.Series.First(s => s.Labels.Contains(("__name__", "parity_fresh_total")));
        foreach (var expr in (string[])["increase(parity_fresh_total[5m])", "rate(parity_fresh_total[10m])"])
        {
            _cases.Add(new ParityCase("rate zero point", expr, fresh.Samples[0].Timestamp + 120_500 - (fresh.Samples[0].Timestamp % 1000), Excluded: ZeroPoint));
        }

        foreach (var t in InstantSeconds)
        {
            _cases.Add(new ParityCase("atan2", "parity_temperature atan2 10", _startMs + (long)(t * 1000), Excluded: Atan2Name));
        }

        foreach (var expr in (string[])["topk(3, parity_build_info)", "bottomk(2, parity_build_info)"])
        {
            Add("topk ties", expr, TopKTies);
        }

        // An inner subquery evaluated at an outer step that is a multiple of its own: its range starts on one of its steps.
        Add("left-open", "max_over_time(max_over_time(parity_temperature[5m:1m])[20m:2m])", LeftOpen);

        // A subquery whose range starts on one of its own steps: Prometheus 2.42 takes that step too.
        var aligned = (_startMs / 60_000 * 60_000) + (40 * 60_000);
        _cases.Add(new ParityCase("left-open", "count_over_time(parity_up{job=\"api\", instance=\"a:80\"}[5m:1m])", aligned, Excluded: LeftOpen));
    }
}
